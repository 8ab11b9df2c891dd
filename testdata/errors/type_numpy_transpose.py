import numpy as np


def short_axes(t: "float64[:, :, :]") -> "float64[:, :]":
    return np.transpose(t, (1, 0))


def repeated(m: "float64[:, :]") -> "float64[:, :]":
    return m.transpose(0, 0)


def out_of_bounds(m: "float64[:, :]") -> "float64[:, :]":
    return np.transpose(m, (0, 2))


def run_time_axes(m: "float64[:, :]", k: int) -> "float64[:, :]":
    return m.transpose(k, 1 - k)
