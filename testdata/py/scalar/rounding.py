"""Rounding: banker's round(), round(x, n) with negative n, int() truncation, floor/ceil."""

import math

INT_LIMIT = 1e18


def bankers_round(x: float) -> int:
    """round(x) to the nearest int, ties to even; |x| must be below 1e18 (nan rejected)."""
    if not (-INT_LIMIT < x < INT_LIMIT):
        raise ValueError("x out of int range")
    return round(x)


def round_to(x: float, ndigits: int) -> float:
    """round(x, ndigits) on a float, any ndigits (negative rounds to tens, hundreds, ...)."""
    return round(x, ndigits)


def round_hundreds(x: float) -> float:
    """round(x, -2): nearest multiple of 100 as a float, ties to even."""
    return round(x, -2)


def round_cents(x: float) -> float:
    """round(x, 2): two decimals with correctly rounded semantics (2.675 -> 2.67)."""
    return round(x, 2)


def round_int_neg(a: int, ndigits: int) -> int:
    """round(a, ndigits) on an int; ndigits in [-18, 18], negative ones round half to even."""
    if ndigits < -18 or ndigits > 18:
        raise ValueError("ndigits out of range")
    return round(a, ndigits)


def round_int_tens(a: int) -> int:
    """round(a, -1) on an int: 25 -> 20, 35 -> 40, -25 -> -20."""
    return round(a, -1)


def half_ties_sum(n: int) -> int:
    """Sum of round(k + 0.5) for k in [-n, n), |n| clamped to 1000; ties go to even."""
    n = min(abs(n), 1000)
    s = 0
    for k in range(-n, n):
        s += round(k + 0.5)
    return s


def truncate(x: float) -> int:
    """int(x): truncation toward zero; |x| must be below 1e18 (nan rejected)."""
    if not (-INT_LIMIT < x < INT_LIMIT):
        raise ValueError("x out of int range")
    return int(x)


def floor_ceil(x: float):
    """Tuple (math.floor(x), math.ceil(x)) as ints; |x| must be below 1e18."""
    if not (-INT_LIMIT < x < INT_LIMIT):
        raise ValueError("x out of int range")
    return math.floor(x), math.ceil(x)


def round_half_away(x: float) -> int:
    """Round half away from zero via floor(|x| + 0.5), for comparison with round()."""
    if not (-INT_LIMIT < x < INT_LIMIT):
        raise ValueError("x out of int range")
    r = math.floor(abs(x) + 0.5)
    if x < 0.0:
        return -r
    return r


def rounding_modes_code(x: float) -> int:
    """Pack floor, ceil, int() and round() of x (|x| < 1e6) into one checksum int."""
    if not (-1e6 < x < 1e6):
        raise ValueError("x out of range")
    f = math.floor(x)
    c = math.ceil(x)
    t = int(x)
    r = round(x)
    return ((f * 7 + c) * 7 + t) * 7 + r


def round_tenths_sum(n: int) -> float:
    """Sum of round(k * 0.1, 1) for k in [0, n), n clamped to [0, 10000]."""
    n = max(0, min(n, 10000))
    s = 0.0
    for k in range(n):
        s += round(k * 0.1, 1)
    return s


def float_round_trip(x: float) -> float:
    """float(round(x)) - x: the signed rounding residual for |x| < 1e18."""
    if not (-INT_LIMIT < x < INT_LIMIT):
        raise ValueError("x out of int range")
    return float(round(x)) - x
