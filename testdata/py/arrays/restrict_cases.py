"""Inputs for restrict.py where the generated shapes do not fit: matmul_into
needs conforming shapes, gather_rows an index vector as long as a row."""
import numpy as np


def _matmul(n, k, m):
    return lambda rng: (rng.standard_normal((n, k)), rng.standard_normal((k, m)), rng.standard_normal((n, m)))


def _gather(n, m):
    return lambda rng: (rng.standard_normal((n, m)), rng.integers(-3 * m - 1, 3 * m + 1, m))


CASES = []
for _s in [(3, 4, 5), (1, 1, 1), (0, 2, 3), (4, 0, 2), (17, 9, 33), (8, 8, 8)]:
    CASES.append(("matmul_into", _matmul(*_s)))
for _s in [(3, 4), (1, 1), (0, 3), (5, 17), (2, 0)]:
    CASES.append(("gather_rows", _gather(*_s)))
