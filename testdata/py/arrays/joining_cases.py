"""Inputs for joining.py whose shapes differ, to reach numpy's
ValueErrors (and the shapes that do fit)."""
import numpy as np


def _mats(s1, s2, dt1=np.float64, dt2=np.float64):
    return lambda rng: ((rng.standard_normal(s1) * 10).astype(dt1), (rng.standard_normal(s2) * 10).astype(dt2))


CASES = []
for _s1, _s2 in [((2, 3), (2, 4)), ((2, 3), (3, 3)), ((0, 3), (0, 1)), ((1, 1), (2, 1)), ((4, 2), (4, 2))]:
    CASES.append(("concat_columns", _mats(_s1, _s2)))
    CASES.append(("concat_rows_mixed", _mats(_s1, _s2, np.int32, np.float32)))
    CASES.append(("stack_default", _mats(_s1, _s2)))
    CASES.append(("stack_last", _mats(_s1, _s2, np.int64, np.int64)))
    CASES.append(("vstack_matrices", _mats(_s1, _s2)))
for _n, _m in [(3, 3), (3, 4), (0, 0), (1, 2)]:
    CASES.append(("vstack_rows", _mats(_n, _m)))
    CASES.append(("stack_points", lambda rng, n=_n, m=_m: (rng.standard_normal(n), rng.standard_normal(m), rng.standard_normal(n))))
