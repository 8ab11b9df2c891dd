"""Matrix products for bench/gemm/run: the BLAS-backed forms and the
inline loop nest they replace."""
import numpy as np


def mm64(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    return a @ b


def mm32(a: "float32[:, :]", b: "float32[:, :]") -> "float32[:, :]":
    return a @ b


def mm64_loops(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    n, k = a.shape
    c = np.zeros((n, b.shape[1]))
    for i in range(n):
        for p in range(k):
            c[i, :] += a[i, p] * b[p, :]
    return c
