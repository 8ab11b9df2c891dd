"""bench/peers arguments of f32_norm."""
import numpy as np

STYLE = "array"
# Numba and Pythran sum float32 in order, numpy pairwise: over 4e6 squares
# the sums part by about 0.2%, beyond the default float32 tolerance.
TOLERANCE = {"f4": 1e-2}
SIZES = {"full": 4_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.standard_normal(SIZES[size], dtype=np.float32),)


CASES = [("f32_norm", lambda rng: args(rng, "smoke"))]
