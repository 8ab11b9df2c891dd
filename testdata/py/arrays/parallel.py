"""Parallel loops: numba.prange and Pythran's #omp parallel for. Under
CPython (and in the reference runner, which shims numba when it is not
installed) prange is range; compiled, the loops the parallel pass accepts
run in chunks on goroutines and must give the same results."""
import numpy as np
import numba
from numba import njit, prange


@njit(parallel=True)
def scale_into(x: "float64[:]", out: "float64[:]", a: float) -> None:
    """Elementwise writes, one private temporary per iteration."""
    for i in prange(x.shape[0]):
        t = x[i] * a
        out[i] = t * t + 1.0


def poly(x: "float64[:]") -> "float64[:]":
    """Elementwise polynomial into a new array, marked Pythran-style."""
    n = x.shape[0]
    out = np.empty(n)
    #omp parallel for
    for i in range(n):
        v = x[i]
        out[i] = ((v * 0.5 - 1.0) * v + 2.0) * v - 3.0
    return out


def isum(x: "int64[:]") -> int:
    """Integer sum: a reduction, exact in any order."""
    s = 0
    for i in numba.prange(x.shape[0]):
        s += x[i]
    return s


def int_reductions(x: "int64[:]"):
    """Several integer reductions in one loop: +, -, *, |, &, ^, min, max."""
    s = 7
    d = 0
    p = 1
    o = 0
    a = -1
    e = 0
    lo = 1000000
    hi = -1000000
    for i in prange(x.shape[0]):
        v = x[i]
        s += v * v
        d -= v
        p *= v % 5 + 1
        o |= v
        a &= v + 4096
        e ^= v
        lo = min(lo, v)
        hi = max(hi, v)
    return s, d, p, o, a, e, lo, hi


def fsum(x: "float64[:]") -> float:
    """A float reduction: chunked partial sums would change the last bits,
    so without --fastmath this loop runs sequentially."""
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i] * 0.5
    return s


def row_sums(m: "float64[:, :]") -> "float64[:]":
    """A 2-D loop: rows in parallel, each row summed in order."""
    out = np.zeros(m.shape[0])
    for i in prange(m.shape[0]):
        acc = 0.0
        for j in range(m.shape[1]):
            acc += m[i, j]
        out[i] = acc
    return out


def count_in_rows(m: "float64[:, :]", t: float) -> int:
    """A 2-D loop with an integer reduction across rows."""
    c = 0
    for i in prange(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j] > t:
                c += 1
    return c


def gather(x: "float64[:]", idx: "int64[:]") -> "float64[:]":
    """Gathers x[idx[i]]; a bad index raises IndexError at the first bad i
    in Python order, even when it lies in a later chunk."""
    out = np.zeros(idx.shape[0])
    for i in prange(idx.shape[0]):
        out[i] = x[idx[i]] * 2.0
    return out


def carried(x: "float64[:]") -> "float64[:]":
    """Not parallel: prev carries a value from one iteration to the next,
    so the loop runs sequentially (with a remark)."""
    out = np.zeros(x.shape[0])
    prev = 0.0
    for i in prange(x.shape[0]):
        out[i] = x[i] + prev
        prev = x[i]
    return out


def small(x: "int64[:]") -> int:
    """A short loop: too few iterations for a second goroutine."""
    s = 0
    for i in prange(min(x.shape[0], 5)):
        s += x[i] * (i + 1)
    return s


def _clipped(row: "float64[:]", lim: float) -> "float64[:]":
    """A helper returning a fresh array, called from a parallel body."""
    return np.minimum(row, lim)


def row_energy(m: "float64[:, :]", lim: float) -> "float64[:]":
    """Each iteration allocates temporaries (a squared row, a call's
    result) that die with it; an oversized limit raises in whichever chunk
    sees it first in Python order."""
    out = np.zeros(m.shape[0])
    for i in prange(m.shape[0]):
        r = m[i, :] * m[i, :]
        c = _clipped(r, lim)
        if c.shape[0] > 0 and c[0] > 1e300:
            raise ValueError("row energy overflow")
        out[i] = np.sum(c)
    return out
