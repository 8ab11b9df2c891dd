"""Helpers written without type annotations, typed from their call sites
(issue #12): each distinct argument-type signature compiles once."""
import math

import numpy as np


def _mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def _variance(xs, ddof=0):
    m = _mean(xs)
    acc = 0.0
    for x in xs:
        acc += (x - m) ** 2
    return acc / (len(xs) - ddof)


def _clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _dist(x1, y1, x2, y2):
    dx = x2 - x1
    dy = y2 - y1
    return math.sqrt(dx * dx + dy * dy)


def stats(a: "float64[:]"):
    """Mean and sample standard deviation of a float array."""
    if len(a) < 2:
        return 0.0, 0.0
    return _mean(a), math.sqrt(_variance(a, ddof=1))


def stats_int(a: "int64[:]"):
    """The same helpers on an int array: a second specialisation."""
    if len(a) == 0:
        return 0.0
    return _mean(a) + _variance(a)


def clamp_all(a: "float64[:]", lo: float, hi: float) -> int:
    """Clamps in place with a helper called on floats and on ints."""
    changed = _clamp(0, -1, 1)
    for i in range(a.shape[0]):
        v = _clamp(a[i], lo, hi)
        if v != a[i]:
            a[i] = v
            changed += 1
    return changed


def reduce_fraction(p: int, q: int):
    """p/q in lowest terms."""
    if q == 0:
        raise ZeroDivisionError("zero denominator")
    g = _gcd(abs(p), abs(q))
    if q < 0:
        g = -g
    return p // g, q // g


def path_length(xs: "float64[:]", ys: "float64[:]") -> float:
    """Length of the polyline through (xs[i], ys[i])."""
    n = min(len(xs), len(ys))
    total = 0.0
    for i in range(1, n):
        total += _dist(xs[i - 1], ys[i - 1], xs[i], ys[i])
    return total


def grid_dist(i: int, j: int) -> float:
    """The same helper with int arguments."""
    return _dist(0, 0, i, j)
