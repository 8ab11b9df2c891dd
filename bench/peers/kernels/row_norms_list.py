"""Row norms through a list comprehension over the rows, wrapped in
np.array."""
import numpy as np


def row_norms_list(a: "float64[:, :]"):
    return np.array([np.sqrt(np.dot(r, r)) for r in a])
