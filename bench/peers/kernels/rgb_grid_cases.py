"""bench/peers arguments of rgb_grid."""
import numpy as np

STYLE = "array"
SIZES = {"full": 800, "smoke": 9}


def args(rng, size):
    return (np.linspace(-1.0, 1.0, SIZES[size]),)


CASES = [("rgb_grid", lambda rng: args(rng, "smoke"))]
