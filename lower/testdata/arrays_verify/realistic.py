"""Realistic array kernels: stencil, softmax, row normalisation, nearest point, Jacobi, histogram."""
import numpy as np


def heat(u: "float64[:]", steps: int, c: float) -> "float64[:]":
    for _ in range(max(0, min(steps, 20))):
        u[1:-1] = u[1:-1] + c * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return u


def softmax(x: "float64[:]") -> "float64[:]":
    if x.size == 0:
        return x
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def normalize_rows(m: "float64[:, :]") -> "float64[:, :]":
    for i in range(m.shape[0]):
        n = np.sqrt(np.sum(m[i] * m[i]))
        if n > 0.0:
            m[i, :] /= n
    return m


def nearest(points: "float64[:, :]", c: "float64[:]") -> int:
    best = -1
    bd = np.inf
    for i in range(points.shape[0]):
        d = np.sum((points[i] - c) ** 2)
        if d < bd:
            bd = d
            best = i
    return best


def jacobi(a: "float64[:, :]", b: "float64[:]", iters: int) -> "float64[:]":
    n = b.shape[0]
    x = np.zeros(n)
    if a.shape[0] != n or a.shape[1] != n:
        raise ValueError("shape")
    for _ in range(max(0, min(iters, 10))):
        xn = np.zeros(n)
        for i in range(n):
            s = 0.0
            for j in range(n):
                if j != i:
                    s += a[i, j] * x[j]
            xn[i] = (b[i] - s) / a[i, i] if a[i, i] != 0.0 else 0.0
        x = xn
    return x


def hist(a: "float64[:]", nb: int) -> "int64[:]":
    k = max(1, min(nb, 50))
    h = np.zeros(k, dtype=np.int64)
    if a.size == 0:
        return h
    lo = np.min(a)
    hi = np.max(a)
    if not (hi > lo):
        return h
    for x in a:
        if np.isfinite(x):
            j = int((x - lo) / (hi - lo) * k)
            if j >= k:
                j = k - 1
            if j >= 0:
                h[j] += 1
    return h
