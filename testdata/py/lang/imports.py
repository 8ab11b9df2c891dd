"""Imports where numpy code puts them (issue #12)."""
import numpy
import math as m
from math import pi, floor
from numpy import zeros, sqrt


def wave(n: int) -> "float64[:]":
    a = zeros(n)
    for i in range(n):
        a[i] = sqrt(i) + m.cos(pi * i) + floor(i / 2)
    return a + numpy.ones(n)


def local_imports(n: int) -> "float64[:]":
    """Imports inside the function."""
    import numpy as np
    from math import tau
    x = np.linspace(0.0, tau, max(n, 0))
    return np.sin(x) * np.cos(x)


def conditional_import(a: "float64[:]") -> float:
    if a.shape[0] > 0:
        from numpy import abs as npabs
        return float(npabs(a).max())
    import math
    return math.inf
