import numpy as np


def negative_order(x: "float64[:]") -> "float64[:]":
    return np.diff(x, -1)


def run_time_order(x: "float64[:]", n: int) -> "float64[:]":
    return np.diff(x, n)


def bad_axis(m: "float64[:, :]") -> "float64[:, :]":
    return np.diff(m, axis=2)


def prepend(x: "float64[:]") -> "float64[:]":
    return np.diff(x, prepend=0.0)
