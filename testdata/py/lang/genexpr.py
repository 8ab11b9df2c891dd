"""Generator expressions consumed by sum, min, max, any and all (issue #12)."""
import math

import numpy as np


def sq_norm(row: "float64[:]") -> float:
    return sum(x * x for x in row)


def count_above(a: "float64[:]", t: float) -> int:
    return sum(1 for x in a if x > t)


def extremes(a: "float64[:]"):
    """min/max of an array with a default, and of generators."""
    lo = min(a, default=0.0)
    hi = max((x for x in a), default=-1.0)
    return lo, hi


def spread(a: "float64[:]") -> float:
    """max() of an empty sequence raises ValueError, as in Python."""
    return max(x for x in a) - min(x for x in a)


def flags(a: "float64[:]"):
    pos = any(x > 0 for x in a)
    fin = all(math.isfinite(x) for x in a)
    return pos, fin


def dot(a: "float64[:]", b: "float64[:]") -> float:
    return sum(x * y for x, y in zip(a, b))


def triangle_pairs(n: int) -> int:
    """Two for clauses and a filter."""
    n = min(max(n, 0), 300)
    return sum(i * j for i in range(n) for j in range(i) if (i + j) % 3 == 0)


def decayed(a: "float64[:]", w: float) -> float:
    import math as m
    return sum(m.exp(-abs(w) * i) * x for i, x in enumerate(a))


def max_row_sum(m: "float64[:, :]") -> float:
    """A generator inside a generator."""
    if m.shape[0] == 0:
        return 0.0
    return max(sum(v for v in row) for row in m)


def gauss(n: int) -> int:
    return sum(range(min(abs(n), 100000)))


def all_sorted(a: "int64[:]") -> bool:
    return all(a[i] <= a[i + 1] for i in range(len(a) - 1))


def sum_with_start(a: "float64[:]") -> float:
    return sum((x / 2 for x in a), 10.0)


def mean_abs_dev(a: "float64[:]") -> float:
    if len(a) == 0:
        return 0.0
    mu = sum(a) / len(a)
    return sum(abs(x - mu) for x in a) / len(a)
