"""Floats at the edges of int64 and of the narrow types."""
import math

import numpy as np

EDGES = [math.nan, math.inf, -math.inf, 1e300, -1e300, 9.3e18, -9.3e18, 9.2e18,
         -9.223372036854775808e18, 2.5, -2.5, 1e10, -1.0, 300.5, 0.0]


def edge(r):
    return EDGES[int(r.integers(len(EDGES)))]


CASES = [(name, lambda r, dt=dt: (np.arange(3, dtype=dt), edge(r)))
         for name, dt in [("store", np.int64), ("store_add", np.int64), ("store_slice", np.int64),
                          ("store_fill", np.int64), ("store_int8", np.int8), ("store_uint8", np.uint8)]]
