"""Benchmark kernels for parallel loops and reduction unrolling.

mandelbrot is compute-bound (each pixel iterates until escape, up to
maxiter times) with rows of uneven cost: the prange benchmark measures
chunked goroutines, not memory bandwidth. isum and idot are integer
reductions the unroll pass splits into four accumulators."""
import numpy as np
from numba import prange


def mandelbrot(h: int, w: int, maxiter: int) -> "int64[:, :]":
    """Escape counts of the h x w grid over [-2, 1] x [-1.5, 1.5]."""
    out = np.zeros((h, w), dtype=np.int64)
    for i in prange(h):
        y0 = -1.5 + 3.0 * i / h
        for j in range(w):
            x0 = -2.0 + 3.0 * j / w
            x = 0.0
            y = 0.0
            k = 0
            while k < maxiter and x * x + y * y <= 4.0:
                t = x * x - y * y + x0
                y = 2.0 * x * y + y0
                x = t
                k += 1
            out[i, j] = k
    return out


def isum(x: "int64[:]") -> int:
    """Sum of an int64 array, a plain loop."""
    s = 0
    for i in range(x.shape[0]):
        s += x[i]
    return s


def idot(x: "int64[:]", y: "int64[:]") -> int:
    """Integer dot product, a plain loop."""
    s = 0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def psum_sq(x: "int64[:]") -> int:
    """A parallel integer reduction with a private temporary (for the race
    detector in bench/par's tests more than for timing)."""
    s = 0
    for i in prange(x.shape[0]):
        v = x[i] - 3
        s += v * v
    return s
