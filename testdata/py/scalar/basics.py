"""Small scalar kernels: the README's bundled example (gcd) and friends."""

import math


def gcd(a: int, b: int) -> int:
    """Greatest common divisor by Euclid's algorithm; result is non-negative."""
    a = abs(a)
    b = abs(b)
    while b != 0:
        a, b = b, a % b
    return a


def square(x: float) -> float:
    """Return x squared using multiplication (inf for huge inputs, no error)."""
    return x * x


def clamp(x: float, lo: float, hi: float) -> float:
    """Clamp x into [lo, hi] with Python min/max semantics (nan-order sensitive)."""
    return max(lo, min(x, hi))


def sign(x: float) -> int:
    """Return -1, 0 or 1 by the sign of x; nan and signed zeros give 0."""
    if x > 0.0:
        return 1
    elif x < 0.0:
        return -1
    else:
        return 0


def is_even(n: int) -> bool:
    """True when n is divisible by two (works for negative n)."""
    return n % 2 == 0


def triangular(n: int) -> int:
    """Closed-form triangular number n*(n+1)/2 using floor division."""
    return n * (n + 1) // 2


def sum_squares(n: int):
    """Sum of k*k for k in 1..n, with n clamped to [0, 10000]."""
    n = max(0, min(n, 10000))
    total = 0
    for k in range(1, n + 1):
        total += k * k
    return total


def norm2(x: float, y: float) -> float:
    """Euclidean length of (x, y) computed naively via sqrt(x*x + y*y)."""
    return math.sqrt(x * x + y * y)


def abs_diff(a: int, b: int) -> int:
    """Absolute difference of two integers."""
    return abs(a - b)


if __name__ == "__main__":
    assert gcd(12, 18) == 6, "gcd(12, 18) should be 6"
    assert gcd(-4, 0) == 4, "gcd(-4, 0) should be 4"
    assert sum_squares(3) == 14, "sum_squares(3) should be 14"
