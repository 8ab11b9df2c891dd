#pythran export scale(float32[:], float)
#pythran export nosuch(int)
#pythran export pair(int)
import numpy as np


def scale(a: "float64[:]", s: float) -> None:
    a *= s


def pair(x, y):
    return x + y
