"""cmath.exp with infinite imaginary parts: CPython raises ValueError: math
domain error when imag is infinite and real is finite or +inf (compiled
code returned (nan+nanj))."""
import cmath
import math


def cexp(a: float, b: float) -> complex:
    return cmath.exp(complex(a, b))


def cexp_const() -> complex:
    return cmath.exp(complex(0.5, -math.inf))
