"""bench/peers arguments of gauss_decay."""
import numpy as np

STYLE = "array"
NUMEXPR = "exp(-a * t - b * t**2)"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (np.linspace(0.0, 10.0, n), 0.35, 0.02)


CASES = [("gauss_decay", lambda rng: args(rng, "smoke"))]
