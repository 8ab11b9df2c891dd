"""polybench covariance, the numpy way: centre the columns, then a
transposed matrix product."""
import numpy as np


def covariance(data: "float64[:, :]") -> np.ndarray:
    n = data.shape[0]
    mean = data.mean(axis=0)
    d = data - mean
    return d.T @ d / (n - 1)
