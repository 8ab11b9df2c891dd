"""Ties and NaNs of np.maximum/minimum/fmax/fmin and of min/max reductions.

numpy's maximum(x, y) is x if x > y or x is NaN, else y: a tie gives the
second operand, so maximum(-0.0, 0.0) is 0.0 and maximum(0.0, -0.0) is
-0.0, and a reduction keeps the later of tied elements (np.max([0.0, -0.0])
is -0.0). argmax keeps the first index. The generated inputs mix signed
zeros and NaNs in."""
import numpy as np


def mx(x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return np.maximum(x, y)


def mn(x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return np.minimum(x, y)


def fmx(x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return np.fmax(x, y)


def fmn(x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return np.fmin(x, y)


def relu_first(x: "float64[:]") -> "float64[:]":
    """The scalar first: maximum(0.0, -0.0) is -0.0."""
    return np.maximum(0.0, x)


def max_all(x: "float64[:]") -> float:
    return np.max(x)


def min_axis0(x: "float64[:, :]") -> "float64[:]":
    return np.min(x, axis=0)


def max_axis1(x: "float64[:, :]") -> "float64[:]":
    return x.max(axis=1)


def argmax_first(x: "float64[:]") -> int:
    return np.argmax(x)


def int_maximum(x: "int64[:]", y: "int64[:]") -> "int64[:]":
    return np.maximum(x, y)
