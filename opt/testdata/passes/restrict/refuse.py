"""restrict declines: a written parameter may be any other parameter (or a
view of it); a fresh array stops being fresh once a view of it exists, or
once it is copied to another variable; a loop that passes an array whole
to the runtime reads it through another pointer. Loops that write nothing
or touch one array are left alone without a remark."""
import numpy as np


def scale_into(out: "float64[:]", x: "float64[:]", a: float) -> None:
    for i in range(x.shape[0]):
        out[i] = a * x[i]


def shift_view(n: int) -> "float64[:]":
    t = np.zeros(n)
    v = t[1:]
    for i in range(n - 1):
        v[i] = t[i] + 1.0
    return t


def copied(x: "float64[:]") -> "float64[:]":
    t = np.zeros(x.shape[0])
    u = t
    for i in range(x.shape[0]):
        u[i] = x[i] + t[i]
    return u


def whole(x: "float64[:]") -> "float64[:]":
    t = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        t[i] = x[i] / np.sum(x)
    return t


def dot(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def inplace(x: "float64[:]") -> None:
    for i in range(x.shape[0]):
        x[i] = 2.0 * x[i]


def _fill(t: "float64[:]") -> None:
    t[0] = 1.0


def passed(x: "float64[:]") -> "float64[:]":
    # A callee could have kept a view of t (were it to return one), so t
    # is not fresh once passed.
    t = np.zeros(x.shape[0])
    _fill(t)
    for i in range(x.shape[0]):
        t[i] = t[i] + x[i]
    return t
