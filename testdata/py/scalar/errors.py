"""Kernels that raise: division by zero, math domain/range errors, asserts, explicit raises."""

import math


def true_div(a: float, b: float) -> float:
    """a / b: ZeroDivisionError when b is zero (either sign)."""
    return a / b


def int_true_div(a: int, b: int) -> float:
    """Int / int true division: ZeroDivisionError when b == 0."""
    return a / b


def int_floordiv(a: int, b: int) -> int:
    """a // b: ZeroDivisionError when b == 0."""
    return a // b


def int_mod(a: int, b: int) -> int:
    """a % b: ZeroDivisionError when b == 0."""
    return a % b


def float_mod(x: float, y: float) -> float:
    """x % y on floats: ZeroDivisionError when y is zero."""
    return x % y


def divmod_zero(a: int, b: int) -> int:
    """q * 10 + r from divmod(a, b): ZeroDivisionError when b == 0."""
    q, r = divmod(a, b)
    return q * 10 + r


def reciprocal_pow(x: float) -> float:
    """x ** -1: ZeroDivisionError for 0.0 ** -1 (and -0.0)."""
    return x ** -1


def zero_pow_neg() -> float:
    """0.0 ** -1 always raises ZeroDivisionError."""
    z = 0.0
    return z ** -1


def float_pow_overflow(x: float) -> float:
    """x ** 2 on floats: OverflowError when the result overflows (unlike x * x)."""
    return x ** 2


def sqrt_checked(x: float) -> float:
    """math.sqrt(x): ValueError for x < 0 (e.g. math.sqrt(-1))."""
    return math.sqrt(x)


def log_checked(x: float) -> float:
    """math.log(x): ValueError for x <= 0 (e.g. math.log(0))."""
    return math.log(x)


def exp_checked(x: float) -> float:
    """math.exp(x): OverflowError for large x (e.g. math.exp(1000))."""
    return math.exp(x)


def exp_1000() -> float:
    """math.exp(1000) always raises OverflowError."""
    return math.exp(1000.0)


def require_positive(x: float) -> float:
    """assert x > 0 with a message, then sqrt; nan fails the assert too."""
    assert x > 0, "x must be positive"
    return math.sqrt(x)


def check_probability(p: float) -> float:
    """Raise ValueError unless 0 <= p <= 1; returns the odds p / (1 - p) (p == 1 divides by zero)."""
    if not (0.0 <= p <= 1.0):
        raise ValueError("p must be in [0, 1]")
    return p / (1.0 - p)


def checked_index(i: int, n: int) -> int:
    """Raise IndexError unless 0 <= i < n; returns n - 1 - i (the mirrored index)."""
    if i < 0 or i >= n:
        raise IndexError("index out of range")
    return n - 1 - i


def must_converge(x: float) -> float:
    """Fixed-point x = 0.5 * (x + 2 / x); RuntimeError when it does not settle in 60 steps."""
    if x == 0.0:
        raise ZeroDivisionError("start point must be nonzero")
    y = x
    for _ in range(60):
        nxt = 0.5 * (y + 2.0 / y)
        if abs(nxt - y) <= 1e-12 * abs(nxt):
            return nxt
        y = nxt
    raise RuntimeError("iteration did not converge")


def guard_overflow(x: float) -> float:
    """Raise OverflowError explicitly when |x| > 1e154 (x * x would overflow)."""
    if abs(x) > 1e154:
        raise OverflowError("x * x would overflow")
    return x * x


def explicit_assertion(n: int) -> int:
    """Raise AssertionError explicitly for odd n, else return n // 2."""
    if n % 2 != 0:
        raise AssertionError("n must be even")
    return n // 2


def safe_log_ratio(a: float, b: float) -> float:
    """log(a / b) with explicit ZeroDivisionError and ValueError checks before the math call."""
    if b == 0.0:
        raise ZeroDivisionError("b must be nonzero")
    r = a / b
    if r <= 0.0:
        raise ValueError("ratio must be positive")
    return math.log(r)
