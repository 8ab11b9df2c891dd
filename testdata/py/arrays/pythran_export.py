"""Kernels written for Pythran, compiled unchanged: their parameter types
come from the #pythran export comments, and a function exported with
several signatures compiles once per signature (f, f_2, ...)."""
#pythran export scale(float64[:, :], float)
#pythran export scale(float32[:, :], float32)
#pythran export scale(int64[:, :], int)
#pythran export row_norms(float64[:,:])
#pythran export dot(float64[], float64[]), axpy(float, float64[:], float64[:])
#pythran export clip_count(int32[:], int32, int32)
#pythran export jacobi_step(float64[:,:] order(C))
#pythran export weighted_mean(float64[:], float64[:])
#pythran export weighted_mean(float32[:], float32[:])
#pythran export first_times(float32[:] or float64[:] or int32[:], int or float)
import numpy as np


def scale(m, s):
    out = np.empty_like(m)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            out[i, j] = m[i, j] * s
    return out


def row_norms(m):
    n = m.shape[0]
    r = np.zeros(n)
    for i in range(n):
        r[i] = np.sqrt(np.sum(m[i] * m[i]))
    return r


def dot(a, b):
    s = 0.0
    for i in range(min(a.shape[0], b.shape[0])):
        s += a[i] * b[i]
    return s


def axpy(alpha, x, y):
    """y += alpha * x in place, as BLAS does."""
    n = min(x.shape[0], y.shape[0])
    y[:n] += alpha * x[:n]


def clip_count(a, lo, hi):
    c = 0
    for x in a:
        if lo <= x <= hi:
            c += 1
    return c


def jacobi_step(u):
    v = u.copy()
    if u.shape[0] >= 3 and u.shape[1] >= 3:
        v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return v


def weighted_mean(x, w):
    n = min(x.shape[0], w.shape[0])
    return np.sum(x[:n] * w[:n]) / (np.sum(w[:n]) + 1)


def first_times(a, s):
    """Alternatives expand to overloads: first_times, first_times_2, ..."""
    if a.shape[0] == 0:
        return 0.0 * s
    return a[0] * s


def scaled_twice(m: "float32[:, :]") -> "float32[:, :]":
    """Calls the float32 overload of scale."""
    return scale(scale(m, np.float32(0.5)), np.float32(4))
