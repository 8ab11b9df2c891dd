"""Tuples as values: stored, nested, indexed, compared, unpacked, passed
and returned (issue #12)."""
import math

import numpy as np


def shape_info(m: "float64[:, :]"):
    """a.shape as a value, unpacked and returned."""
    s = m.shape
    rows, cols = s
    return s, rows * cols


def swap_pair(a: int, b: float):
    t = (a, b)
    return t[1], t[0]


def compare_pairs(a: int, b: int, c: int, d: float):
    """Lexicographic comparisons, as sorted() uses them."""
    return (a, b) < (c, d), (a, b) == (c, d), (a, (b, 1)) >= (c, (b, 0)), (a, b) != (a, b, c)


def nan_pairs(x: float, y: float):
    return (x, 1) == (x, 1), (x, y) < (y, x), (x,) <= (y,)


def pick(i: int, x: float, y: float, z: float) -> float:
    """A tuple indexed with a variable: IndexError like Python."""
    t = (x, y, z)
    return t[i] + len(t) + len(range(i, 10, 3))


def nested(a: int, b: int):
    p = ((a, b), (b, a))
    (x, y), q = p
    return q, x + y, p


def distance(p: tuple[float, float], q: "tuple[float, float]") -> float:
    """Tuple parameters, as points are passed around."""
    return math.hypot(p[0] - q[0], p[1] - q[1])


def bounding(pt: tuple[int, tuple[int, int]]):
    i, (j, k) = pt
    return (min(i, j, k), max(i, j, k)), i + j + k


def _polar(x, y):
    return math.hypot(x, y), math.atan2(y, x)


def to_polar_sum(xs: "float64[:]", ys: "float64[:]"):
    """A helper returning a tuple, unpacked in a loop."""
    tr = 0.0
    ta = 0.0
    for x, y in zip(xs, ys):
        r, a = _polar(x, y)
        tr += r
        ta += a
    return tr, ta


def minmax_pair(a: "float64[:]"):
    """A tuple carried through a loop."""
    if a.shape[0] == 0:
        return (0.0, 0.0)
    best = (a[0], a[0])
    for v in a:
        lo, hi = best
        best = (min(lo, v), max(hi, v))
    return best


def quadrant_counts(xs: "float64[:]", ys: "float64[:]"):
    q = (0, 0, 0, 0)
    for x, y in zip(xs, ys):
        a, b, c, d = q
        if x >= 0 and y >= 0:
            a += 1
        elif x < 0 and y >= 0:
            b += 1
        elif x < 0:
            c += 1
        else:
            d += 1
        q = (a, b, c, d)
    return q
