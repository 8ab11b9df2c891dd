"""Mandelbrot the numpy way: boolean masks select the points still
iterating."""
import numpy as np


def mandelbrot_numpy(c: "complex128[:, :]", maxiter: int):
    z = np.zeros_like(c)
    n = np.zeros(c.shape, dtype=np.int64)
    for it in range(maxiter):
        mask = np.abs(z) <= 2.0
        z[mask] = z[mask] ** 2 + c[mask]
        n[mask] += 1
    return n
