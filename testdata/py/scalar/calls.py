"""Calls between module functions: keyword arguments, defaults, recursion, tuple returns."""

import math


def weighted_sum(a: float, b: float, wa: float = 0.5, wb: float = 0.5) -> float:
    """wa * a + wb * b with default weights of one half."""
    return wa * a + wb * b


def blend(x: float, y: float) -> float:
    """Calls weighted_sum with positional, keyword and defaulted arguments."""
    return weighted_sum(x, y) + weighted_sum(x, y, wb=0.25) + weighted_sum(b=x, a=y, wa=2.0)


def power(x: float, n: int = 2) -> float:
    """x ** n for integer n by repeated multiplication; |n| clamped to 1000, negative n inverts."""
    m = min(abs(n), 1000)
    p = 1.0
    for _ in range(m):
        p *= x
    if n < 0:
        return 1.0 / p
    return p


def poly_with_defaults(x: float, a: float = 1.0, b: float = 0.0, c: float = 0.0) -> float:
    """a*x^2 + b*x + c via power(); callers override only some coefficients."""
    return a * power(x) + b * power(x, n=1) + c


def use_poly(x: float) -> float:
    """Mixes positional and keyword calls of poly_with_defaults."""
    return poly_with_defaults(x) + poly_with_defaults(x, c=1.0) + poly_with_defaults(x, 2.0, b=-3.0)


def ackermann(m: int, n: int) -> int:
    """Ackermann function for m in [0, 3] and n in [0, 4] (at most 125), via ackermann_rec."""
    if m < 0 or m > 3 or n < 0 or n > 4:
        raise ValueError("ackermann arguments out of range")
    return ackermann_rec(m, n)


def ackermann_rec(m: int, n: int) -> int:
    """Recursive Ackermann; rejects arguments whose recursion would be too deep or too slow."""
    if m < 0 or n < 0 or m > 3 or (m == 3 and n > 4) or (m == 2 and n > 64) or (m == 1 and n > 200):
        raise ValueError("ackermann arguments out of range")
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann_rec(m - 1, 1)
    return ackermann_rec(m - 1, ackermann_rec(m, n - 1))


def hanoi_moves(n: int, src: int = 1, dst: int = 3, via: int = 2) -> int:
    """Number of moves for Towers of Hanoi by explicit double recursion; n in [0, 16]."""
    if n < 0 or n > 16:
        raise ValueError("n out of range")
    if n == 0:
        return 0
    return hanoi_moves(n - 1, src=src, dst=via, via=dst) + 1 + hanoi_moves(n - 1, via, dst, src)


def is_even_rec(n: int) -> bool:
    """Mutual recursion with is_odd_rec; n in [0, 200]."""
    if n < 0 or n > 200:
        raise ValueError("n out of range")
    if n == 0:
        return True
    return is_odd_rec(n - 1)


def is_odd_rec(n: int) -> bool:
    """Mutual recursion with is_even_rec; n in [0, 200]."""
    if n < 0 or n > 200:
        raise ValueError("n out of range")
    if n == 0:
        return False
    return is_even_rec(n - 1)


def divmod_pair(a: int, b: int):
    """Tuple return: q, r = divmod(a, b), returned as (q, r)."""
    q, r = divmod(a, b)
    return q, r


def recombine(a: int, b: int) -> int:
    """Unpacks divmod_pair's tuple and rebuilds a = q * b + r."""
    q, r = divmod_pair(a, b)
    return q * b + r


def min_max3(a: float, b: float, c: float):
    """Tuple (min(a, b, c), max(a, b, c)) using 3-argument min/max."""
    return min(a, b, c), max(a, b, c)


def spread3(a: float, b: float, c: float) -> float:
    """max - min of three values via tuple unpacking of min_max3."""
    lo, hi = min_max3(a, b, c)
    return hi - lo


def to_polar(x: float, y: float):
    """Tuple (r, theta) = (hypot(x, y), atan2(y, x))."""
    return math.hypot(x, y), math.atan2(y, x)


def polar_roundtrip_error(x: float, y: float) -> float:
    """Converts to polar and back; returns the absolute reconstruction error."""
    r, t = to_polar(x, y)
    if not math.isfinite(r):
        raise ValueError("point must be finite")
    return abs(r * math.cos(t) - x) + abs(r * math.sin(t) - y)


def binomial(n: int, k: int) -> int:
    """Binomial coefficient C(n, k) multiplicatively; n in [0, 60] keeps it in int64."""
    if n < 0 or n > 60:
        raise ValueError("n out of range")
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    res = 1
    for i in range(k):
        res = res * (n - i) // (i + 1)
    return res


def classify_triangle(a: int, b: int, c: int):
    """Multiple returns: 0 invalid, 1 equilateral, 2 isosceles, 3 scalene."""
    if a <= 0 or b <= 0 or c <= 0:
        return 0
    if a + b <= c or a + c <= b or b + c <= a:
        return 0
    if a == b and b == c:
        return 1
    if a == b or b == c or a == c:
        return 2
    return 3


def sum_digits_rec(n: int) -> int:
    """Recursive digit sum of |n| (depth <= 19 for int64)."""
    n = abs(n)
    if n < 10:
        return n
    return n % 10 + sum_digits_rec(n // 10)


def swap_order(a: int, b: int):
    """Returns (b, a, a - b): a three-element tuple."""
    return b, a, a - b


def use_swap(a: int, b: int) -> int:
    """Unpacks a three-tuple and combines the parts."""
    x, y, d = swap_order(a, b)
    return x * 2 + y - d
