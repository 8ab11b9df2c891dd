"""bench/peers arguments of mandelbrot_numpy."""
import numpy as np

STYLE = "array"
SIZES = {"full": (400, 600, 30), "smoke": (5, 7, 10)}


def args(rng, size):
    h, w, maxiter = SIZES[size]
    re = np.linspace(-2.0, 0.6, w)
    im = np.linspace(-1.2, 1.2, h)
    return (re[None, :] + 1j * im[:, None], maxiter)


CASES = [("mandelbrot_numpy", lambda rng: args(rng, "smoke"))]
