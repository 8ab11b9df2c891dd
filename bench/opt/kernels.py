"""The optimizer benchmark kernels (bench/opt): naive loops whose speed
depends on the loop-nest passes and the stride passes. Compiled twice, at
-O0 (o0/) and -O2 (o2/), with pinned cache sizes."""
import numpy as np


def transpose(a: "float64[:, :]", b: "float64[:, :]") -> None:
    """Naive transpose b[j, i] = a[i, j]: tile blocks it."""
    n = a.shape[0]
    m = a.shape[1]
    for i in range(n):
        for j in range(m):
            b[j, i] = a[i, j]


def matmul(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]") -> None:
    """Naive ijk matmul accumulating into c: interchange makes it ikj,
    tile blocks it."""
    n = c.shape[0]
    m = c.shape[1]
    p = a.shape[1]
    for i in range(n):
        for j in range(m):
            for k in range(p):
                c[i, j] += a[i, k] * b[k, j]


def colsum(a: "float64[:, :]", out: "float64[:]") -> None:
    """Column sums down the columns of a C-ordered matrix: interchange
    walks rows instead."""
    n = a.shape[0]
    m = a.shape[1]
    for j in range(m):
        for i in range(n):
            out[j] += a[i, j]


def triad(a: "float64[:]", b: "float64[:]", c: "float64[:]", s: float) -> None:
    """The STREAM triad as one fused array expression."""
    a[:] = b + s * c
