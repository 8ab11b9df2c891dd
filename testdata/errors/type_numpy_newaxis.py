import numpy as np


def rank_five(t: "float64[:, :, :, :]") -> float:
    return np.sum(t[:, np.newaxis])


def too_many_indices(a: "float64[:, :]") -> float:
    return a[0, None, 1, 2]


def axis_value() -> int:
    return np.newaxis
