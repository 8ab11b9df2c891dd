import numpy as np


def colsum(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m, axis=2)
