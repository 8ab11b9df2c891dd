"""Per-row sample variance and per-column sums of a matrix, returned as a
tuple."""
import numpy as np


def row_var_col_sum(a: "float64[:, :]"):
    return a.var(axis=1, ddof=1), np.sum(a, axis=0)
