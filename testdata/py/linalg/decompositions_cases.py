"""Inputs for decompositions.py: symmetric positive definite matrices for
cholesky and eigh, general well-conditioned ones, tall, wide and low-rank
ones, and the failures (not positive definite, not square)."""
import numpy as np


def _spd(rng, n):
    g = rng.standard_normal((n, n))
    return g @ g.T + n * np.eye(n)


def _sym(rng, n):
    g = rng.standard_normal((n, n))
    return g + g.T


CASES = []
for _n in (1, 3, 6):
    CASES.append(("cholesky_solve", lambda rng, n=_n: (_spd(rng, n), rng.standard_normal(n))))
for _n in (1, 2, 5):
    CASES.append(("cholesky_factor", lambda rng, n=_n: (_spd(rng, n),)))
CASES.append(("cholesky_factor", lambda rng: (np.array([[1.0, 2.0], [2.0, 1.0]]),)))
CASES.append(("cholesky_factor", lambda rng: (-np.eye(3),)))
CASES.append(("cholesky_factor", lambda rng: (np.ones((2, 3)),)))
for _n in (1, 2, 4, 7):
    CASES.append(("eigh_reconstruct", lambda rng, n=_n: (_sym(rng, n),)))
CASES.append(("eigh_reconstruct", lambda rng: (np.ones((3, 2)),)))
for _n in (2, 4, 6):
    CASES.append(("power_iteration", lambda rng, n=_n: (_spd(rng, n), 300)))
for _n in (2, 5):
    CASES.append(("eigvalsh_upper", lambda rng, n=_n: (rng.standard_normal((n, n)),)))
for _n in (1, 2, 3, 5):
    CASES.append(("eig_invariants", lambda rng, n=_n: (rng.standard_normal((n, n)),)))
CASES.append(("eig_invariants", lambda rng: (np.array([[0.0, -1.0], [1.0, 0.0]]),)))
CASES.append(("eig_invariants", lambda rng: (np.zeros((2, 3)),)))
for _n in (2, 4):
    CASES.append(("eig_residual", lambda rng, n=_n: (rng.standard_normal((n, n)),)))
for _m, _n in [(3, 3), (5, 3), (3, 6), (1, 1)]:
    CASES.append(("condition_number", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("svd_reconstruct", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("svd_full", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("qr_modes", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("qr_raw", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("pinv_identity", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
for _m, _n in [(6, 3), (4, 4), (10, 2)]:
    CASES.append(("qr_lstsq", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)) + np.eye(m, n) * 3, rng.standard_normal(m))))
for _m, _k in [(5, 1), (6, 2), (4, 4)]:
    CASES.append(("low_rank", lambda rng, m=_m, k=_k: (rng.standard_normal((m, k)), rng.standard_normal((m, k)))))
for _n in (1, 2, 3):
    CASES.append(("int_power", lambda rng, n=_n: (rng.integers(-4, 5, size=(n, n)), 3)))
CASES.append(("int_power", lambda rng: (np.full((2, 2), 2**40, dtype=np.int64), 3)))
for _n in (0, 1, 7, 50, 90):
    CASES.append(("fib_power", lambda rng, n=_n: (n,)))
for _p in (-3, -1, 0, 1, 2, 5):
    CASES.append(("float_power", lambda rng, p=_p: (rng.standard_normal((3, 3)) + 3 * np.eye(3), p)))
CASES.append(("float_power", lambda rng: (np.ones((2, 2)), -1)))
for _n in (2, 4):
    CASES.append(("eig32", lambda rng, n=_n: (_spd(rng, n).astype(np.float32),)))
