"""Broadcasting across ranks, runtime steps, views written through."""
import numpy as np


def outer_bc(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    return a * b - a


def col_row(a: "float64[:]", b: "float64[:]") -> "float64[:, :]":
    return a.reshape(-1, 1) + b.reshape(1, -1)


def cube_bc(c: "float64[:, :, :]", m: "float64[:, :]") -> "float64[:, :, :]":
    return c + m


def rt_step(a: "float64[:]", st: int) -> "float64[:]":
    if st == 0:
        return a
    b = a[::st]
    b[0:1] = -1.0
    return a


def rows_sum(m: "float64[:, :]") -> "float64[:]":
    out = np.zeros(m.shape[0])
    for i in range(m.shape[0]):
        out[i] = np.sum(m[i, :])
    return out


def inplace_bc(m: "float64[:, :]", c: "float64[:, :]") -> "float64[:, :]":
    m[:, :] = c
    return m


def tview(m: "float64[:, :]") -> "float64[:, :]":
    t = m.T
    t[0, :] = 7.0
    return m
