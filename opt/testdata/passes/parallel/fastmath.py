# config: fastmath
"""Under --fastmath a float reduction may be reassociated: it runs in
chunks."""
from numba import prange


def float_sum(x: "float64[:]") -> float:
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i] * x[i]
    return s
