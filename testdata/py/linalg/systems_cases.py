"""Inputs for systems.py: well-conditioned matrices (diagonally dominant,
or symmetric positive definite for covariances), plus the singular and
non-square ones the error paths need."""
import numpy as np


def _wc(rng, n):
    """A well-conditioned n x n matrix."""
    return rng.standard_normal((n, n)) + 2 * n * np.eye(n)


def _spd(rng, n):
    g = rng.standard_normal((n, n))
    return g @ g.T + n * np.eye(n)


CASES = []
for _n, _deg in [(10, 2), (20, 3), (5, 4), (3, 5), (8, 0)]:
    CASES.append(("polyfit", lambda rng, n=_n, d=_deg: (np.sort(rng.uniform(-2, 2, n)), rng.standard_normal(n), d)))
for _m, _n, _k in [(6, 3, 2), (3, 5, 2), (4, 4, 1)]:
    CASES.append(("lstsq_multi", lambda rng, m=_m, n=_n, k=_k: (rng.standard_normal((m, n)), rng.standard_normal((m, k)))))
CASES.append(("lstsq_multi", lambda rng: (np.ones((4, 2)), np.ones((3, 1)))))
for _n in (1, 2, 5, 12):
    CASES.append(("tridiagonal", lambda rng, n=_n: (4.0 + rng.uniform(0, 1, n), rng.uniform(-1, 1))))
CASES.append(("tridiagonal", lambda rng: (np.array([1.0, 1.0]), 1.0)))
for _n, _k in [(3, 1), (4, 3), (6, 2)]:
    CASES.append(("solve_many", lambda rng, n=_n, k=_k: (_wc(rng, n), rng.standard_normal((n, k)))))
CASES.append(("solve_many", lambda rng: (_wc(rng, 3), rng.standard_normal((4, 2)))))
for _n in (1, 3, 7):
    CASES.append(("residual", lambda rng, n=_n: (_wc(rng, n), rng.standard_normal(n))))
for _f in ("mahalanobis", "mahalanobis_inv"):
    for _n, _d in [(5, 2), (3, 4)]:
        CASES.append((_f, lambda rng, n=_n, d=_d: (rng.standard_normal((n, d)), rng.standard_normal(d), _spd(rng, d))))
for _n in (1, 2, 4, 6):
    CASES.append(("inverse", lambda rng, n=_n: (_wc(rng, n),)))
CASES.append(("inverse", lambda rng: (np.array([[1.0, 2.0], [2.0, 4.0]]),)))
CASES.append(("inverse", lambda rng: (np.zeros((2, 3)),)))
for _t in (0.0, 0.3, 1.0, 2.5, -1.2):
    CASES.append(("rotation_det", lambda rng, t=_t: (t,)))
for _n in (1, 3, 5):
    CASES.append(("det_and_slogdet", lambda rng, n=_n: (rng.standard_normal((n, n)),)))
CASES.append(("det_and_slogdet", lambda rng: (np.zeros((3, 3)),)))
CASES.append(("det_and_slogdet", lambda rng: (np.array([[0.0, 1.0], [1.0, 0.0]]),)))
for _n in (2, 3, 4):
    CASES.append(("int_det", lambda rng, n=_n: (rng.integers(-5, 6, size=(n, n)),)))
CASES.append(("det_stack", lambda rng: (rng.standard_normal((4, 3, 3)),)))
CASES.append(("det_stack", lambda rng: (rng.standard_normal((2, 2, 3)),)))
for _n in (2, 4):
    CASES.append(("solve32", lambda rng, n=_n: (_wc(rng, n).astype(np.float32), rng.standard_normal(n).astype(np.float32))))
for _n in (1, 3):
    CASES.append(("complex_solve", lambda rng, n=_n: (
        _wc(rng, n) + 1j * rng.standard_normal((n, n)), rng.standard_normal(n) + 1j * rng.standard_normal(n))))
for _n in (1, 2, 5):
    CASES.append(("singular_solve", lambda rng, n=_n: (n,)))
for _n in (1, 4, 64):
    CASES.append(("batch_solve", lambda rng, n=_n: (rng.standard_normal((n, 3, 3)) + 6 * np.eye(3), rng.standard_normal((n, 3)))))
CASES.append(("batch_solve", lambda rng: (np.zeros((5, 2, 2)), np.ones((5, 2)))))
