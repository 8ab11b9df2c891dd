"""math, cmath and builtins."""

import cmath
import math


def m1(x: float) -> float:
    """The math_1 families."""
    return math.sin(x) + math.exp(x) + math.log(x) + math.atan(x) + math.log(x, 2.0) + math.log1p(x)


def m2(x: float, y: float) -> float:
    """Two-argument functions and gamma."""
    return math.pow(x, y) + math.fmod(x, y) + math.atan2(y, x) + math.gamma(x) + math.lgamma(y) + math.hypot(x, y)


def ints(x: float, n: int) -> int:
    """Float to int conversions and integer math."""
    return math.floor(x) + math.ceil(x) + int(x) + round(x) + math.gcd(n, 12) + math.factorial(n) + math.isqrt(n)


def preds(x: float, y: float) -> bool:
    """Predicates."""
    return math.isnan(x) or math.isinf(y) or math.isfinite(x) and math.isclose(x, y)


def builtins(a: int, b: int, x: float, y: float) -> float:
    """abs, min, max, round, float, bool, divmod."""
    q, r = divmod(x, y)
    return abs(a) + abs(x) + min(a, b, 3) + max(x, y) + round(x, 2) + float(a) + bool(b) + q + r


def cplx(x: float, y: float, z: complex) -> complex:
    """complex(), cmath, z.real, z.imag, conjugate, complex power."""
    w = complex(x, y) + cmath.sqrt(z) + cmath.exp(z) + cmath.log(z)
    return w * z.conjugate() + z.real + z.imag + z ** 2 + abs(z)


def modpow(b: int, e: int, m: int) -> int:
    """Three-argument pow."""
    return pow(b, e, m)
