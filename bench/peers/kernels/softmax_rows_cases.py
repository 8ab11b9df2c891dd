"""bench/peers arguments of softmax_rows."""
import numpy as np

STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (5, 7)}


def args(rng, size):
    return ((rng.standard_normal(SIZES[size]) * 4.0).astype(np.float32),)


CASES = [("softmax_rows", lambda rng: args(rng, "smoke"))]
