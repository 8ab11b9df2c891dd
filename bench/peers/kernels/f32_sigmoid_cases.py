"""bench/peers arguments of f32_sigmoid."""
import numpy as np

STYLE = "array"
NUMEXPR = "1.0 / (1.0 + exp(-x))"
SIZES = {"full": 4_000_000, "smoke": 1000}


def args(rng, size):
    return ((rng.standard_normal(SIZES[size]) * 4.0).astype(np.float32),)


CASES = [("f32_sigmoid", lambda rng: args(rng, "smoke"))]
