"""Inputs for inplace.py: row indices inside the matrix (and a few outside
it), and row vectors that match the matrix's column count."""
import numpy as np


def _swap(n, m, i, j):
    return lambda rng: (rng.standard_normal((n, m)), i, j)


def _rows(n, m):
    return lambda rng: (rng.standard_normal((n, m)), rng.standard_normal(m))


CASES = []
for _s in [(5, 3, 0, 4), (5, 3, 1, -1), (4, 4, 2, 2), (1, 7, 0, -1), (17, 2, -17, 16),
           (3, 0, 0, 2), (3, 3, 3, 0), (3, 3, 0, -4), (0, 3, 0, 0)]:
    CASES.append(("swap_rows", _swap(*_s)))
for _s in [(4, 3), (1, 1), (5, 8), (0, 3), (3, 0), (17, 5)]:
    CASES.append(("add_row_vector", _rows(*_s)))
CASES.append(("add_row_vector", lambda rng: (rng.standard_normal((2, 3)), rng.standard_normal(2))))
