"""Inputs for covariance.py: finite data of moderate size (an overflowing
product is inf or NaN depending on the summation order, which BLAS
chooses), at least two variables (numpy returns a 0-d array for one,
which the compiled function raises NotImplementedError for), no
observations, one observation."""
import numpy as np

_SHAPES = [(2, 5), (3, 3), (4, 1), (2, 0), (0, 4), (5, 30), (2, 2)]

CASES = []
for _s in _SHAPES:
    CASES.append(("cov_rows", lambda rng, s=_s: (rng.standard_normal(s),)))
    if _s[1] != 1:  # one row is one variable for rowvar=False too
        CASES.append(("cov_columns", lambda rng, s=_s: (rng.standard_normal(s[::-1]),)))
    CASES.append(("cov_biased_ints", lambda rng, s=_s: ((rng.standard_normal(s) * 50).astype(np.int64),)))
    if _s[0] != 0:
        CASES.append(("cov_of_view", lambda rng, s=_s: (rng.standard_normal((2 * s[0] + 1, s[1])).astype(np.float32),)))
    for _d in [0, 1, 2, 5, -1]:
        CASES.append(("cov_ddof", lambda rng, s=_s, d=_d: (rng.standard_normal(s), d)))
for _s in [(2, 5), (3, 8), (4, 40)]:
    CASES.append(("correlation", lambda rng, s=_s: (rng.standard_normal(s),)))
