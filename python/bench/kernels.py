"""Kernels of the pyc2go.jit vs numba benchmark (python/bench/bench.py),
undecorated and unannotated: the benchmark decorates the same functions
with pyc2go.jit and with numba.njit, as a user of either would write them."""

import math

import numpy as np


def total(a):
    """A reduction loop: the float sum in Python's order (no reassociation
    by either compiler without fastmath)."""
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def triad(out, x, y, s):
    """An in-place elementwise loop (STREAM's triad)."""
    for i in range(out.shape[0]):
        out[i] = x[i] + s * y[i]


def matmul(a, b):
    """The i-k-j matrix product into a new array."""
    n, m = a.shape[0], b.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        for k in range(a.shape[1]):
            aik = a[i, k]
            for j in range(m):
                out[i, j] += aik * b[k, j]
    return out


def heat(u, alpha):
    """One step of a 2-D five-point stencil into a new array."""
    n, m = u.shape
    v = u.copy()
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = u[i, j] + alpha * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j])
    return v


def logsumexp(x):
    """Two passes with a transcendental: max, then the sum of exps."""
    mx = x[0]
    for i in range(1, x.shape[0]):
        if x[i] > mx:
            mx = x[i]
    s = 0.0
    for i in range(x.shape[0]):
        s += math.exp(x[i] - mx)
    return mx + math.log(s)


def collatz(n):
    """A scalar function: the cost of a call, not of a loop over data."""
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
