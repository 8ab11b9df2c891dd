"""bench/peers arguments of xorshift32."""
import numpy as np

STYLE = "array"
SIZES = {"full": 2_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.integers(1, 1 << 32, SIZES[size], dtype=np.uint32), 4)


CASES = [("xorshift32", lambda rng: args(rng, "smoke"))]
