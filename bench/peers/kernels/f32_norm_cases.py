"""bench/peers arguments of f32_norm."""
import numpy as np

STYLE = "array"
SIZES = {"full": 4_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.standard_normal(SIZES[size], dtype=np.float32),)


CASES = [("f32_norm", lambda rng: args(rng, "smoke"))]
