"""Loops the restrict pass marks (opt/restrict.go) and the C backend
prints through restrict pointers, often in an outlined function
(emit/c/restrict.go): fresh arrays written from parameters, a recurrence
through one restricted pointer, a nest versioned on may_share, and a
restricted loop that is not outlined around one that is."""
import numpy as np


def scale_fresh(x: "float64[:]", a: float) -> "float64[:]":
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        out[i] = a * x[i] + 1.0
    return out


def running_sum(x: "float64[:]") -> "float64[:]":
    """out[i] depends on out[i - 1]: restrict says nothing about accesses
    through one pointer, so the recurrence must survive."""
    out = np.zeros(x.shape[0])
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
        out[i] = s + 0.5 * out[i - 1] if i > 0 else s
    return out


def to_float(n: "int64[:]", c: float) -> "float64[:]":
    out = np.zeros(n.shape[0])
    for i in range(n.shape[0]):
        out[i] = c * n[i]
    return out


def matmul_into(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]") -> None:
    """c += a @ b in loops: the nest passes version on !may_share(a, c) and
    !may_share(b, c), and the fast copy is restricted."""
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            for k in range(a.shape[1]):
                c[i, j] += a[i, k] * b[k, j]


def gather_rows(a: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """The outer loop keeps an index check, so it is printed inline through
    block-scope restrict pointers; the first inner loop writes a row
    allocated in the outer body and is outlined, with the outer loop's
    pointer to a passed on."""
    n, m = a.shape[0], a.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        row = np.zeros(m)
        for j in range(m):
            row[j] = 2.0 * a[i, j]
        for j in range(m):
            out[i, j] = row[j] + a[i, idx[j] % m]
    return out
