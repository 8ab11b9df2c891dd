"""Inputs for masks.py: masks whose length differs from the array's
(numpy's IndexError), values of the wrong count (its ValueError), and
values of length one."""
import numpy as np


def _am(n, k):
    return lambda rng: (rng.standard_normal(n), rng.random(k) < 0.5)


def _amv(n, k):
    return lambda rng: (rng.standard_normal(n), rng.random(k) < 0.5, 2.5)


CASES = []
for _n, _k in [(5, 5), (5, 4), (0, 0), (1, 1), (7, 7), (3, 0)]:
    CASES.append(("with_mask", _am(_n, _k)))
    CASES.append(("set_with_mask", _amv(_n, _k)))
for _n, _m in [(6, 6), (6, 1), (6, 3), (4, 0), (0, 0), (8, 2)]:
    CASES.append(("assign_array", lambda rng, n=_n, m=_m: (np.abs(rng.standard_normal(n)) * np.array([1, -1] * (n // 2) + [1] * (n % 2)), rng.standard_normal(m))))
for _s, _k in [((4, 3), 4), ((4, 3), 3), ((0, 2), 0), ((5, 1), 5)]:
    CASES.append(("rows_where", lambda rng, s=_s, k=_k: (rng.standard_normal(s), rng.random(k) < 0.5)))
    CASES.append(("rows_where_short", lambda rng, s=_s, k=_k: (rng.standard_normal(s), rng.random(k) < 0.5)))
for _s, _k, _v in [((4, 3), 3, 2), ((4, 3), 3, 1), ((4, 3), 3, 4), ((4, 3), 4, 1), ((3, 5), 5, 0)]:
    CASES.append(("columns_where", lambda rng, s=_s, k=_k: (rng.standard_normal(s), rng.random(k) < 0.6)))
    CASES.append(("set_columns", lambda rng, s=_s, k=_k, v=_v: (rng.standard_normal(s), np.arange(k) % 2 == 0, rng.standard_normal(v))))
for _n in [5, 1, 0, 9]:
    CASES.append(("assign_selected", lambda rng, n=_n: (rng.standard_normal(n) + 1j * 0 if False else rng.standard_normal(n), rng.standard_normal(n))))
    CASES.append(("assign_selected", lambda rng, n=_n: (rng.standard_normal(n), rng.standard_normal(n + 1))))
for _s in [(3, 4), (0, 3), (4, 0)]:
    CASES.append(("row_entries", lambda rng, s=_s: (rng.standard_normal(s), 1)))
    CASES.append(("row_entries", lambda rng, s=_s: (rng.standard_normal(s), -1)))
    CASES.append(("row_entries", lambda rng, s=_s: (rng.standard_normal(s), 7)))
