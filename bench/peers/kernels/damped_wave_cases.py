"""bench/peers arguments of damped_wave."""
import numpy as np

STYLE = "array"
NUMEXPR = "exp(-0.1 * t) * sin(3.0 * t) + 0.5 * cos(7.0 * t) * tanh(t - 5.0)"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (np.linspace(0.0, 50.0, SIZES[size]),)


CASES = [("damped_wave", lambda rng: args(rng, "smoke"))]
