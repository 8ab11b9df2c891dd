"""bench/peers arguments of mandelbrot."""
import numpy as np

STYLE = "loop"
SIZES = {"full": (200, 300, 60), "smoke": (5, 7, 10)}


def args(rng, size):
    h, w, maxiter = SIZES[size]
    re = np.linspace(-2.0, 0.6, w)
    im = np.linspace(-1.2, 1.2, h)
    return (re[None, :] + 1j * im[:, None], maxiter)


CASES = [("mandelbrot", lambda rng: args(rng, "smoke"))]
