import numpy as np


def ranks_differ(a: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    return np.concatenate((a, v))


def not_a_display(a: "float64[:]") -> "float64[:]":
    return np.concatenate(a)


def nothing() -> "float64[:]":
    return np.concatenate(())


def stack_ranks(a: "float64[:, :]", v: "float64[:]") -> "float64[:, :, :]":
    return np.stack((a, v))
