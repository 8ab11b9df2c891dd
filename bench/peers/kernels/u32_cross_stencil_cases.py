"""bench/peers arguments of u32_cross_stencil."""
import numpy as np

STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (11, 6)}


def args(rng, size):
    return (rng.integers(0, 1 << 24, SIZES[size], dtype=np.uint32),)


CASES = [("u32_cross_stencil", lambda rng: args(rng, "smoke"))]
