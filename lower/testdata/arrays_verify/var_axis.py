"""np.var / np.std along an axis, with ddof."""
import numpy as np


def var0(m: "float64[:, :]") -> "float64[:]":
    return np.var(m, axis=0)


def std1(m: "float64[:, :]") -> "float64[:]":
    return m.std(axis=1, ddof=1)


def stdi(m: "int64[:, :]") -> "float64[:]":
    return np.std(m, axis=1)
