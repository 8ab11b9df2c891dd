"""Escape-time Mandelbrot over a complex128 grid, loop style, @njit."""
import numpy as np
from numba import njit


@njit
def mandelbrot(c: "complex128[:, :]", maxiter: int) -> "int64[:, :]":
    h, w = c.shape
    out = np.zeros((h, w), dtype=np.int64)
    for i in range(h):
        for j in range(w):
            z = 0j
            n = 0
            while n < maxiter and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c[i, j]
                n += 1
            out[i, j] = n
    return out
