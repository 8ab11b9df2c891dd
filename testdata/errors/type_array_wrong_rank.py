import numpy as np


def smooth(u: "float64[:]") -> "float64[:]":
    return u


def caller(m: "float64[:, :]") -> "float64[:]":
    return smooth(m)
