"""Inputs for opt_nest.py: shapes larger than one 32-wide or 128-wide tile
with remainders, non-square and empty shapes, and bounds that run out of
range in the middle of a nest."""
import numpy as np


def _m(*shape):
    return lambda rng: (rng.standard_normal(shape),)


def _mm(n, p, q, m):
    return lambda rng: (rng.standard_normal((n, p)), rng.standard_normal((q, m)))


def _ints(n, p, m):
    return lambda rng: (rng.integers(-1000, 1000, (n, p)), rng.integers(-1000, 1000, (p, m)))


CASES = []
for _s in [(5, 4, 4, 3), (130, 129, 129, 131), (1, 1, 1, 1), (0, 3, 3, 2), (3, 0, 0, 4), (4, 3, 3, 0),
           (40, 70, 70, 33), (4, 5, 4, 2)]:  # the last: b is short, IndexError
    CASES.append(("matmul", _mm(*_s)))
for _s in [(3, 4, 5), (33, 140, 9), (0, 2, 2)]:
    CASES.append(("matmul_int", _ints(*_s)))
for _s in [(4, 4), (5, 3), (3, 5), (40, 40), (0, 0)]:
    CASES.append(("matmul_square_alias", _m(*_s)))
for _name in ("colsum", "colsum_views", "colsum_alias", "transpose", "transpose_view",
              "skewed", "shifted", "scalar_colsum"):
    for _s in [(5, 3), (1, 1), (0, 4), (4, 0), (70, 45), (33, 97), (128, 129), (260, 131)]:
        CASES.append((_name, _m(*_s)))
for _s in [(3, 5), (70, 45), (0, 2)]:
    CASES.append(("transpose32", lambda rng, s=_s: (rng.standard_normal(s).astype(np.float32),)))
for _s in [(3, 4, 5), (40, 3, 37), (2, 0, 3), (1, 9, 1)]:
    CASES.append(("axis_middle", _m(*_s)))
for _n, _m_, _k in [(5, 3, 5), (5, 3, 7), (6, 4, 0), (6, 4, -2)]:
    CASES.append(("colsum_n", lambda rng, n=_n, m=_m_, k=_k: (rng.standard_normal((n, m)), rng.standard_normal(m), k)))
for _a, _b, _n, _m2 in [((40, 50), (50, 40), 40, 50), ((40, 50), (50, 40), 41, 50), ((40, 50), (45, 40), 40, 50),
                        ((5, 6), (6, 5), 5, 7), ((5, 6), (6, 5), -1, 3), ((3, 3), (3, 3), 3, -4)]:
    CASES.append(("transpose_into", lambda rng, a=_a, b=_b, n=_n, m=_m2: (rng.standard_normal(a), np.zeros(b), n, m)))
for _n, _k in [(10, 10), (10, 11), (10, 0), (10, -3), (0, 1), (10, 25)]:
    CASES.append(("backwards", lambda rng, n=_n, k=_k: (rng.standard_normal(n), k)))
