"""Bounds drawn from NaN, signed zeros and ordinary values, crossed too."""
import numpy as np

EDGES = [np.nan, 0.0, -0.0, 1.0, -3.0, 2.5, np.inf, -np.inf]


def arr(r):
    a = r.choice(np.array(EDGES + [5.0, -1.0, 0.5]), size=int(r.integers(0, 12)))
    return a.astype(np.float64)


def edge(r):
    return float(EDGES[int(r.integers(len(EDGES)))])


CASES = [
    ("clip_nan_hi", lambda r: (arr(r),)),
    ("clip_nan_lo", lambda r: (arr(r), edge(r))),
    ("clip_bounds", lambda r: (arr(r), edge(r), edge(r))),
]
