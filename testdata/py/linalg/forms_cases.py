"""Inputs for forms.py: well-conditioned square matrices, positive
diagonals in decreasing order, and a matrix that is not positive
definite."""
import numpy as np

CASES = []
for _n in (1, 3, 4):
    CASES.append(("spellings", lambda rng, n=_n: (rng.standard_normal((n, n)) + 2 * n * np.eye(n), rng.standard_normal(n))))
    CASES.append(("svd_of_diagonal", lambda rng, n=_n: (np.arange(n, 0, -1) * 1.5,)))
    CASES.append(("shifted_dets", lambda rng, n=_n: (rng.standard_normal((n, n)), 4)))
CASES.append(("check_only", lambda rng: (np.eye(3) * 2.0,)))
CASES.append(("check_only", lambda rng: (np.array([[1.0, 3.0], [3.0, 1.0]]),)))
