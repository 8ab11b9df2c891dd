import numpy as np


def cross(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    """A numpy function pyc2go lacks: no unrelated suggestion."""
    return np.cross(a, b)


def sorted_copy(a: "float64[:]") -> "float64[:]":
    b = a.copy()
    b.sort()
    return b


def typo(a: "float64[:]") -> float:
    return a.summ() + np.bool(a[0])
