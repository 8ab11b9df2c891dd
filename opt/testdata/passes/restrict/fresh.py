"""restrict: a loop writing a freshly allocated array may restrict it and
every array it reads, since a new block shares memory with nothing; two
arrays the loop only reads need no proof between them."""
import numpy as np


def axpy(a: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return a * x + y


def smooth(x: "float64[:]") -> "float64[:]":
    n = x.shape[0]
    out = np.zeros(n)
    for i in range(1, n - 1):
        out[i] = (x[i - 1] + x[i] + x[i + 1]) / 3.0
    return out


def rows(a: "float64[:, :]") -> "float64[:, :]":
    # The outer loop is marked, the inner one inherits its pointers.
    out = np.zeros((a.shape[0], a.shape[1]))
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = 2.0 * a[i, j]
    return out


def gather_rows(a: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    # The outer loop lists a, idx and out; row is allocated in its body, so
    # the first inner loop lists row, a new pointer inside the outer ones.
    n, m = a.shape[0], a.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        row = np.zeros(m)
        for j in range(m):
            row[j] = 2.0 * a[i, j]
        for j in range(m):
            out[i, j] = row[j] + a[i, idx[j] % m]
    return out
