"""Inputs for linalg.py: matrix products need matching inner dimensions,
which the generated inputs (shared sizes n, m) give only for square ones."""
import numpy as np


def _pair(n, k, m):
    return lambda rng: (rng.standard_normal((n, k)), rng.standard_normal((k, m)))


def _matvec(n, m):
    return lambda rng: (rng.standard_normal((n, m)), rng.standard_normal(m))


SHAPES = [(4, 3, 5), (1, 1, 1), (3, 7, 2), (8, 8, 8), (0, 3, 2), (2, 0, 3), (17, 5, 9)]

CASES = []
for _name in ("matmul_loops", "matmul_ikj", "matmul_dot", "matmul_at", "matmul_np"):
    for _s in SHAPES:
        CASES.append((_name, _pair(*_s)))
    # mismatched inner dimensions: loops raise their own ValueError, numpy its own
    CASES.append((_name, lambda rng: (rng.standard_normal((2, 3)), rng.standard_normal((4, 2)))))
for _name in ("matvec_loops", "matvec_at"):
    for _n, _m in [(3, 4), (1, 1), (5, 5), (0, 2), (6, 0), (17, 3)]:
        CASES.append((_name, _matvec(_n, _m)))
    CASES.append((_name, lambda rng: (rng.standard_normal((3, 4)), rng.standard_normal(3))))
for _n, _k, _m in [(3, 4, 2), (2, 2, 2), (5, 1, 3), (0, 2, 2)]:
    CASES.append(("int_matmul", lambda rng, n=_n, k=_k, m=_m: (
        rng.integers(-50, 51, size=(n, k)), rng.integers(-50, 51, size=(k, m)))))
CASES.append(("int_matmul", lambda rng: (
    np.array([[2**62, 3]], dtype=np.int64), np.array([[4], [5]], dtype=np.int64))))

# Products that numpy hands to BLAS get finite inputs only: with inf or nan
# next to zeros, OpenBLAS's result depends on its kernels (seen: gram giving
# inf or a finite value where the IEEE sum of products is nan), which no
# other implementation can reproduce.
for _n, _m in [(5, 5), (3, 5), (17, 100), (8, 17), (1, 1), (0, 3), (4, 0)]:
    CASES.append(("gram", lambda rng, n=_n, m=_m: (rng.standard_normal((n, m)),)))
for _n in (5, 1, 0, 17):
    CASES.append(("mat_power3", lambda rng, n=_n: (rng.standard_normal((n, n)),)))
CASES.append(("mat_power3", lambda rng: (rng.standard_normal((2, 3)),)))
