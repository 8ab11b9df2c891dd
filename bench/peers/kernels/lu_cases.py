"""bench/peers arguments of lu: diagonally dominant, so no pivoting is
needed."""
import numpy as np

STYLE = "loop"
SIZES = {"full": 160, "smoke": 6}


def args(rng, size):
    n = SIZES[size]
    return (rng.random((n, n)) + n * np.eye(n),)


CASES = [("lu", lambda rng: args(rng, "smoke"))]
