"""For every row r, the column sums of a - a[r]: a Python loop around
whole-array numpy work (a "vectorise my loop" question)."""
import numpy as np


def row_diff_sums(a: "float64[:, :]"):
    n = a.shape[0]
    out = np.empty_like(a)
    for row in range(n):
        out[row, :] = np.sum(a - a[row, :], 0)
    return out
