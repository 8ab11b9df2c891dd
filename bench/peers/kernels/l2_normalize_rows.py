"""Scale every row to unit length, the norms reshaped to a column."""
import numpy as np


def l2_normalize_rows(a: "float64[:, :]"):
    return a / np.sqrt(np.sum(a * a, axis=1)).reshape(-1, 1)
