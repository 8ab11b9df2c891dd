"""Loops the loop passes (licm, contig, stride, window) rewrite: views with
negative, zero (broadcast) and non-unit strides, transposed and sliced
matrices, continue and break, loops that run zero times and index errors
in the middle of a loop. verify runs them at -O0 and -O2 against CPython,
and TestOptLevelsIdentical requires both builds to agree bit for bit."""
import numpy as np


def rev_axpy(a: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
    """A negative stride on one operand: the strided path."""
    return a * x[::-1] + y


def every_other(x: "float64[:]") -> "float64[:]":
    """Stride 2 views of one array, trimmed to the same length."""
    n = x.shape[0] // 2
    return x[0:2 * n:2] * 2.0 + x[1:2 * n:2]


def bcast_row(m: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    """v broadcast along the rows: stride 0 unless it has one row's length."""
    return m * 0.5 + v[0:1]


def transposed(m: "float64[:, :]") -> "float64[:, :]":
    """A transposed operand: the inner loop walks a column."""
    return m.T * 2.0 + 1.0


def col_diff(m: "float64[:, :]") -> "float64[:, :]":
    """Sliced columns: unit inner stride, offsets that differ by one."""
    return m[:, 1:] - m[:, :-1]


def rev_cols(m: "float64[:, :]") -> "float64[:, :]":
    """Negative strides on both axes, every other column."""
    return m[::-1, ::-2] * 3.0


def triad_views(z: "float64[:]", x: "float64[:]", s: float) -> None:
    """An in-place triad on overlapping views of one array and a strided
    destination."""
    n = min(z.shape[0] // 2, x.shape[0])
    z[0:2 * n:2] = x[0:n] + s * z[1:2 * n:2]


def dot_continue(x: "float64[:]", y: "float64[:]") -> float:
    """continue skips the end of the body (no running offsets there); y
    shorter than x raises IndexError in the middle of the loop."""
    s = 0.0
    for i in range(x.shape[0]):
        if x[i] < 0.0:
            continue
        s += x[i] * y[i]
    return s


def count_until(x: "float64[:]", limit: float) -> int:
    """break leaves the loop half way."""
    n = 0
    for i in range(x.shape[0]):
        if x[::-1][i] > limit:
            break
        n += 1
    return n


def weighted_every_other(x: "float64[:]") -> float:
    """A loop over a stride-2 view reading the index as a value."""
    v = x[::2]
    s = 0.0
    for i in range(v.shape[0]):
        s += v[i] * float(i)
    return s


def add_until_error(x: "float64[:]", y: "float64[:]") -> None:
    """Mutates x element by element until y runs out: IndexError after a
    partial update, which the caller sees."""
    for i in range(x.shape[0]):
        x[i] = x[i] + y[i]


def prefix_sum(x: "float64[:]", n: int) -> float:
    """Runs zero times for n <= 0; IndexError for n > len(x)."""
    s = 0.0
    for i in range(n):
        s += x[i]
    return s


def transposed_loops(m: "float64[:, :]") -> float:
    """A 2-D loop nest over a transposed view, weighted by column."""
    t = m.T
    s = 0.0
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            s += t[i, j] * float(j + 1)
    return s


def reverse_inplace(x: "float64[:]") -> None:
    """x[:] = x[::-1] + 1: overlapping, so numpy copies first."""
    x[:] = x[::-1] + 1.0


def invariant_scale(x: "float64[:]", a: float, b: float) -> "float64[:]":
    """c is invariant in the loop and read only in it: it moves out."""
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        c = a * b + 1.0
        out[i] = x[i] * c
    return out


def invariant_kept(x: "float64[:]", a: float) -> float:
    """c is read after the loop: with x empty it must stay 0.0."""
    c = 0.0
    t = 0.0
    for i in range(x.shape[0]):
        c = a * 2.0
        t += x[i]
    return c + t


def rows_shifted(m: "float64[:, :]") -> "float64[:, :]":
    """Loop nest writing a fresh array from a column-shifted view of m."""
    out = np.zeros((m.shape[0], m.shape[1]))
    v = m[:, ::-1]
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            out[i, j] = v[i, j] * 2.0 + m[i, j]
    return out
