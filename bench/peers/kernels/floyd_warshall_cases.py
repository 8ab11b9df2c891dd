"""bench/peers arguments of floyd_warshall (in place; a second call finds
the fixed point and changes nothing)."""
import numpy as np

STYLE = "loop"
SIZES = {"full": 120, "smoke": 7}


def args(rng, size):
    n = SIZES[size]
    return (rng.integers(1, 1000, (n, n), dtype=np.int64),)


CASES = [("floyd_warshall", lambda rng: args(rng, "smoke"))]
