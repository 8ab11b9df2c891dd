"""Truncated series without compensated summation (plain left-to-right sums)."""

import math

MAX_TERMS = 100000


def leibniz_pi(n_terms: int) -> float:
    """Approximate pi with 4 * sum (-1)**k / (2k + 1); terms clamped to [0, MAX_TERMS]."""
    n = max(0, min(n_terms, MAX_TERMS))
    s = 0.0
    sgn = 1.0
    for k in range(n):
        s += sgn / (2 * k + 1)
        sgn = -sgn
    return 4.0 * s


def basel_sum(n_terms: int) -> float:
    """Partial sum of 1/k**2 (tends to pi**2/6); terms clamped to [0, MAX_TERMS]."""
    n = max(0, min(n_terms, MAX_TERMS))
    s = 0.0
    for k in range(1, n + 1):
        s += 1.0 / (k * k)
    return s


def exp_taylor(x: float, n_terms: int = 30) -> float:
    """Taylor series of exp(x) with n_terms terms (clamped to [1, 200])."""
    n = max(1, min(n_terms, 200))
    term = 1.0
    s = 1.0
    for k in range(1, n):
        term *= x / k
        s += term
    return s


def harmonic(n: int) -> float:
    """n-th harmonic number H_n, summed forwards; n clamped to [0, MAX_TERMS]."""
    n = max(0, min(n, MAX_TERMS))
    h = 0.0
    for k in range(1, n + 1):
        h += 1.0 / k
    return h


def harmonic_backward(n: int) -> float:
    """H_n summed from the smallest term up (a different rounding than harmonic)."""
    n = max(0, min(n, MAX_TERMS))
    h = 0.0
    for k in range(n, 0, -1):
        h += 1.0 / k
    return h


def alternating_harmonic(n: int) -> float:
    """Partial sum of (-1)**(k+1)/k, converging slowly to log(2)."""
    n = max(0, min(n, MAX_TERMS))
    s = 0.0
    for k in range(1, n + 1):
        if k % 2 == 1:
            s += 1.0 / k
        else:
            s -= 1.0 / k
    return s


def geometric_sum(r: float, n: int) -> float:
    """Sum of r**k for k in [0, n) by repeated multiplication; n clamped to [0, 10000]."""
    n = max(0, min(n, 10000))
    s = 0.0
    p = 1.0
    for _ in range(n):
        s += p
        p *= r
    return s


def sin_taylor(x: float, n_terms: int = 20) -> float:
    """sin(x) by Taylor series after reducing x modulo 2*pi; non-finite x gives nan."""
    if not math.isfinite(x):
        return math.nan
    x = math.fmod(x, 2.0 * math.pi)
    n = max(1, min(n_terms, 100))
    term = x
    s = x
    for k in range(1, n):
        term = -term * x * x / ((2 * k) * (2 * k + 1))
        s += term
    return s


def wallis_pi(n: int) -> float:
    """Wallis product 2 * prod 4k^2/(4k^2 - 1); n clamped to [0, MAX_TERMS]."""
    n = max(0, min(n, MAX_TERMS))
    p = 1.0
    for k in range(1, n + 1):
        f = 4.0 * k * k
        p *= f / (f - 1.0)
    return 2.0 * p


def repeated_tenth(n: int) -> float:
    """Add 0.1 to itself n times (clamped to [0, MAX_TERMS]) to expose rounding drift."""
    n = max(0, min(n, MAX_TERMS))
    s = 0.0
    for _ in range(n):
        s += 0.1
    return s
