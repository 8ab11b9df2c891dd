"""np.mean along an axis: integers through float64, floats in their own type."""
import numpy as np


def imean_axis(m: "int64[:, :]") -> "float64[:]":
    return np.mean(m, axis=0)


def fmean_axis(m: "float32[:, :]") -> "float32[:]":
    return m.mean(axis=1)
