"""Inputs for norms.py: vectors and matrices with zeros, negatives and
empty rows (norm of a zero row is 0; dividing by it gives nan)."""
import numpy as np

CASES = []
for _n in (0, 1, 4, 9):
    for _p in (0.5, 2.0, -1.0, 4.0):
        CASES.append(("vector_norms", lambda rng, n=_n, p=_p: (rng.standard_normal(n), p)))
CASES.append(("vector_norms", lambda rng: (np.array([0.0, -3.0, 4.0]), 1.5)))
for _m, _n in [(1, 1), (3, 3), (4, 2), (2, 5)]:
    CASES.append(("matrix_norms", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("normalize_rows", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("column_norms", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("pairwise_distances", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)),)))
    CASES.append(("norm32", lambda rng, m=_m, n=_n: (rng.standard_normal((m, n)).astype(np.float32),)))
CASES.append(("normalize_rows", lambda rng: (np.array([[3.0, 4.0], [0.0, 0.0]]),)))
for _s in [(2, 3, 4), (1, 1, 1), (3, 2, 2)]:
    CASES.append(("stack_norms", lambda rng, s=_s: (rng.standard_normal(s),)))
for _n in (1, 3):
    CASES.append(("complex_norms", lambda rng, n=_n: (
        rng.standard_normal(n) + 1j * rng.standard_normal(n), rng.standard_normal((n, n)) + 1j * rng.standard_normal((n, n)))))
for _n in (0, 3, 6):
    CASES.append(("int_norm", lambda rng, n=_n: (rng.integers(-10, 11, size=n),)))
for _p in (1.0, -1.0, 2.0, -2.0, np.inf, -np.inf, 3.0, 0.5):
    CASES.append(("bad_matrix_ord", lambda rng, p=_p: (rng.standard_normal((3, 3)), p)))
