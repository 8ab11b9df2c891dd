"""Array kernels across calls: arguments mutated in place, array results, tuples of arrays."""
import numpy as np


def helper(a: "float64[:]", c: float) -> "float64[:]":
    a *= c
    return a * 2.0


def caller(a: "float64[:]") -> "float64[:]":
    b = helper(a, 3.0)
    return helper(b[::2], 0.5) + 1.0


def two(a: "float64[:]") -> tuple[float, int]:
    return a.sum(), len(a)


def pair(a: "float64[:]") -> tuple["float64[:]", "float64[:]"]:
    return a[::2], a[1::2]


def use_pair(a: "float64[:]") -> float:
    x, y = pair(a)
    return float(np.sum(x)) + y.size


def notb(a: "float64[:]") -> "bool[:]":
    return ~(a > 0.0) & (a < 5.0)


def rowcopy(m: "float64[:, :]") -> "float64[:, :]":
    if m.shape[0] > 1:
        m[0, :] = m[m.shape[0] - 1, :]
    return m


def cnt(a: "float64[:]") -> int:
    return np.sum(a > 0.0)
