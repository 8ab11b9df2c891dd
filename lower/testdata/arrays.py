"""Arrays: indexing, views, fused elementwise expressions."""
import numpy as np


def get(a: "float64[:]", i: int) -> float:
    """a[i] with numpy's bounds check and negative wrap."""
    return a[i] + a[-1]


def get2(m: "float64[:, :]", i: int, j: int) -> float:
    """m[i, j] and m[i][j] (axis numbers differ in the messages)."""
    return m[i, j] + m[i][j]


def put(a: "float64[:]", i: int, x: float) -> None:
    """Element stores and augmented element stores."""
    a[i] = x
    a[i + 1] += 2.0 * x


def shape(m: "float64[:, :]") -> int:
    """shape, ndim, size, len."""
    n, k = m.shape
    return n * k + m.shape[1] + m.ndim + m.size + len(m)


def axpy(a: float, x: "float64[:]", b: "float64[:]") -> "float64[:]":
    """One fused loop nest, no temporaries."""
    y = a * x + b
    return y


def rev(a: "float64[:]") -> "float64[:]":
    """A view with a negative step."""
    return a[::-1]


def stencil(u: "float64[:]", c: float) -> None:
    """In place with overlapping sources."""
    u[1:-1] = u[1:-1] + c * (u[2:] - 2.0 * u[1:-1] + u[:-2])


def scale(m: "float64[:, :]", v: "float64[:]") -> None:
    """Augmented assignment with broadcasting."""
    m += v
    m[0, :] *= 2.0


def where_clip(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    """np.where and np.maximum fuse with the arithmetic around them."""
    return np.where(a > 0.0, np.sqrt(a), np.maximum(a, b) * 2.0)


def int_ops(a: "int64[:]", b: "int64[:]") -> "float64[:]":
    """Array // and % never raise; int / int is float64."""
    return (a // b + a % b) / b


def col(m: "float64[:, :]", j: int) -> "float64[:]":
    """A column view with a runtime index, then a strided slice of it."""
    c = m[:, j]
    return c[1::2]


def transposed(m: "float64[:, :]") -> "float64[:, :]":
    """m + m.T broadcasts views of one array: no copy."""
    return m + m.T


def dot_loop(a: "float64[:]", b: "float64[:]") -> float:
    """Indexing by a range variable from 0: no negative check, no wrap."""
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s
