"""Kernels for test_jit.py: each is decorated with pyc2go.jit and must
return what its undecorated form (.py_func) returns under CPython."""

import math

import numpy as np
import numpy.typing as npt
import pyc2go

OFFSET = 0.5
TWICE_OFFSET = 2 * OFFSET


def _half(x: float) -> float:
    """An annotated helper the unannotated kernels call."""
    return x * 0.5


@pyc2go.jit
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@pyc2go.jit
def axpy(alpha, x, y):
    return alpha * x + y


@pyc2go.jit
def scale_inplace(x, s):
    for i in range(x.shape[0]):
        x[i] = x[i] * s + TWICE_OFFSET


@pyc2go.jit
def matmul(a, b):
    n, k = a.shape
    m = b.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            acc = 0.0
            for p in range(k):
                acc += a[i, p] * b[p, j]
            out[i, j] = acc
    return out


@pyc2go.jit
def gcd(a, b):
    a = abs(a)
    b = abs(b)
    while b != 0:
        a, b = b, a % b
    return a


@pyc2go.jit
def quot_rem(a, b):
    return a // b, a % b


@pyc2go.jit
def first_negative(a):
    for i in range(a.shape[0]):
        if a[i] < 0:
            return i
    raise ValueError("no negative element")


@pyc2go.jit
def at(a, i):
    return a[i]


@pyc2go.jit
def norm(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += _half(a[i]) * a[i]
    return math.sqrt(2.0 * s)


@pyc2go.jit
def count_true(m):
    n = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j]:
                n += 1
    return n


@pyc2go.jit
def cmul(z, w):
    return z * w.conjugate()


@pyc2go.jit
def halve(x):
    return x / 2


@pyc2go.jit
def power_sum(a, p=2, *, start=0):
    s = 0
    for i in range(start, a.shape[0]):
        s += a[i] ** p
    return s


@pyc2go.jit(parallel=True)
def par_square_sum(a):
    s = 0
    #omp parallel for
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


@pyc2go.jit(boundscheck=False, wraparound=False)
def unchecked_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@pyc2go.jit(fastmath=True)
def fast_dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@pyc2go.jit
def smooth(x: "float64[:]") -> "float64[:]":
    """An annotated kernel: one signature, compiled once."""
    out = np.empty_like(x)
    n = x.shape[0]
    for i in range(n):
        lo = max(i - 1, 0)
        hi = min(i + 1, n - 1)
        out[i] = (x[lo] + x[i] + x[hi]) / 3.0
    return out


#pythran export scale2(float64[:], float)
#pythran export scale2(int64[:], int)
@pyc2go.jit
def scale2(a, s):
    """Signatures from #pythran export lines: overloads of one module."""
    return a * s + OFFSET


@pyc2go.jit
def standardize_cols(a: npt.NDArray[np.float64]):
    # NDArray gives no rank, and a.mean(axis=0) fits any: the jit takes
    # each call's rank rather than the one the body suggests (1).
    return (a - a.mean(axis=0)) / a.std(axis=0)
