"""Loops the parallel pass runs in chunks: private temporaries, integer
reductions of every operator, a 2-D nest (grain 1), #omp comments."""
import numpy as np
from numba import prange


def elementwise(x: "float64[:]", out: "float64[:]") -> None:
    for i in prange(x.shape[0]):
        t = x[i] * 2.0
        out[i] = t * t


def reductions(x: "int64[:]"):
    s = 0
    d = 0
    p = 1
    a = -1
    o = 0
    e = 0
    lo = 0
    hi = 0
    for i in prange(x.shape[0]):
        s += x[i]
        d -= x[i]
        p *= x[i]
        a &= x[i]
        o |= x[i]
        e ^= x[i]
        lo = min(lo, x[i])
        hi = max(x[i], hi)
    return s, d, p, a, o, e, lo, hi


def nest(m: "float64[:, :]", out: "float64[:]") -> None:
    #omp parallel for
    for i in range(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j]
        out[i] = acc


def nested_marks(m: "int64[:, :]") -> int:
    c = 0
    for i in prange(m.shape[0]):
        for j in prange(m.shape[1]):
            c += m[i, j]
    return c
