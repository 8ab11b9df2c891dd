"""Inputs for newaxis.py where the shared generated shapes do not reach
the broadcasting errors: operands whose extents differ."""
import numpy as np


def _vecs(n, m):
    return lambda rng: (rng.standard_normal(n), rng.standard_normal(m))


def _mats(n, m, d, e):
    return lambda rng: (rng.standard_normal((n, d)), rng.standard_normal((m, e)))


CASES = []
for _n, _m in [(3, 3), (3, 4), (1, 5), (5, 1), (0, 2), (0, 0), (17, 17)]:
    CASES.append(("broadcast_mismatch", _vecs(_n, _m)))
    CASES.append(("outer_sum", _vecs(_n, _m)))
    CASES.append(("store_through_newaxis", lambda rng, n=_n, m=_m: (rng.standard_normal((n, 4)), rng.standard_normal(m))))
    CASES.append(("store_column", lambda rng, n=_n, m=_m: (rng.standard_normal((n, 2)), rng.standard_normal(m))))
for _s in [(3, 4, 2, 2), (3, 4, 2, 3), (1, 4, 3, 3), (0, 2, 2, 2), (5, 5, 1, 4)]:
    CASES.append(("pairwise_diff", _mats(*_s)))
for _s in [(2, 3, 4), (1, 1, 1), (3, 0, 2)]:
    CASES.append(("middle_axis_3d", lambda rng, s=_s: (rng.standard_normal(s),)))
