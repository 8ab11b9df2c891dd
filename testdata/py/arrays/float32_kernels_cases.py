"""Inputs for float32_kernels.py: float32 matrix products of matching
inner dimensions."""
import numpy as np


def _pair(n, k, m):
    return lambda rng: (rng.standard_normal((n, k)).astype(np.float32),
                        rng.standard_normal((k, m)).astype(np.float32))


CASES = []
for _s in [(4, 3, 5), (1, 1, 1), (8, 8, 8), (0, 3, 2), (3, 0, 2), (17, 9, 4)]:
    CASES.append(("matmul_f32", _pair(*_s)))
CASES.append(("matmul_f32", lambda rng: (np.ones((2, 3), dtype=np.float32), np.ones((2, 3), dtype=np.float32))))
