import numpy as np


def above_half(n: int) -> int:
    """One error for the unsupported call: its result is unknown, not a
    bool to complain about in np.sum."""
    x = np.random.gamma(2.0, size=n)
    return np.sum(x > 0.5)


def noisy(a: "float64[:]") -> "float64[:]":
    return np.random.normal(a) + a


def solve(m: "float64[:, :]", b: "float64[:]") -> "float64[:]":
    return np.linalg.cond(m) * b
