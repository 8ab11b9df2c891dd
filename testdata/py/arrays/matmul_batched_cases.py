"""Inputs for matmul_batched.py: stacks that broadcast (an extent of 1),
stacks that do not, core extents that differ, empty stacks."""
import numpy as np


def _pair(sa, sb, dt=np.float64):
    def f(rng):
        a = rng.standard_normal(sa)
        b = rng.standard_normal(sb)
        if dt != np.float64:
            a, b = (a * 10).astype(dt), (b * 10).astype(dt)
        return a, b
    return f


CASES = []
for _sa, _sb in [((2, 3, 4), (2, 4, 5)), ((1, 3, 4), (3, 4, 2)), ((3, 2, 2), (1, 2, 2)), ((2, 3, 4), (3, 4, 5)),
                 ((2, 3, 4), (2, 5, 5)), ((0, 3, 4), (1, 4, 5)), ((0, 3, 4), (2, 4, 5)), ((2, 0, 3), (2, 3, 0)), ((4, 9, 9), (4, 9, 9))]:
    CASES.append(("stack_matmul", _pair(_sa, _sb)))
for _sa, _sb in [((2, 3, 4), (4, 5)), ((2, 3, 4), (5, 5)), ((0, 2, 2), (2, 2)), ((3, 12, 10), (10, 11))]:
    CASES.append(("stack_times_matrix", _pair(_sa, _sb)))
    CASES.append(("dot_3d_matrix", _pair(_sa, _sb)))
    CASES.append(("matrix_times_stack", _pair(_sa[1:], (_sa[0],) + _sb)))
    CASES.append(("dot_matrix_3d", _pair(_sa[1:], (_sa[0],) + _sb)))
for _sa, _sb in [((2, 2, 3, 4), (2, 4, 5)), ((2, 2, 3, 4), (3, 4, 5)), ((3, 1, 2, 2), (4, 2, 2)), ((2, 1, 2, 3), (2, 4, 2))]:
    CASES.append(("stack4_int", _pair(_sa, _sb, np.int64)))
for _sa, _n in [((2, 3, 4), 4), ((2, 3, 4), 5), ((0, 2, 3), 3), ((2, 2, 0), 0)]:
    CASES.append(("dot_3d_vector", lambda rng, sa=_sa, n=_n: (rng.standard_normal(sa), rng.standard_normal(n))))
    CASES.append(("dot_vector_3d", lambda rng, sa=_sa, n=_n: ((rng.standard_normal(n) * 9).astype(np.int64), (rng.standard_normal(sa[::-1]) * 9).astype(np.int64))))
# Finite values of moderate size: with 1e300 among the elements, an
# overflowing sum is inf or NaN depending on the order, which BLAS chooses.
for _s in [(3, 4, 2), (1, 1, 1), (0, 2, 3), (2, 0, 3), (3, 10, 8)]:
    CASES.append(("gram_stack", lambda rng, s=_s: (rng.standard_normal(s),)))
    CASES.append(("stack_mixed", lambda rng, s=_s: (rng.standard_normal(s).astype(np.float32), rng.standard_normal(s[:1] + s[2:] + s[1:2]))))
