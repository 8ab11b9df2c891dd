"""Loop nests for the loop-nest passes (bchoist, interchange, tile): each
kernel is a nest the passes transform or must refuse, run at -O0 and -O2
against CPython. Index errors in the middle of a nest, non-square and
empty shapes, views with negative strides and arguments that alias (a
row of the matrix being summed, the same matrix as input and output)
are in opt_nest_cases.py or built inside the kernels below."""
import numpy as np


def matmul_into(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]") -> None:
    """ijk matmul accumulating into c: interchanged to ikj and tiled."""
    n = c.shape[0]
    m = c.shape[1]
    p = a.shape[1]
    for i in range(n):
        for j in range(m):
            for k in range(p):
                c[i, j] += a[i, k] * b[k, j]


def matmul(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """A fresh product through matmul_into; IndexError when b is short."""
    c = np.zeros((a.shape[0], b.shape[1]))
    matmul_into(a, b, c)
    return c


def matmul_int(a: "int64[:, :]", b: "int64[:, :]") -> "int64[:, :]":
    """Integer ijk matmul (wrapping int64 products, exact)."""
    n = a.shape[0]
    m = b.shape[1]
    c = np.zeros((n, m), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            for k in range(a.shape[1]):
                c[i, j] += a[i, k] * b[k, j]
    return c


def matmul_square_alias(a: "float64[:, :]") -> "float64[:, :]":
    """c = a and a read while c is written: the nest must run in Python's
    order (the may_share fallback)."""
    n = min(a.shape[0], a.shape[1])
    sq = a[:n, :n]
    matmul_into(sq, sq, sq)
    return a


def colsum_into(a: "float64[:, :]", out: "float64[:]") -> None:
    """Column sums walking down columns: interchanged to rows."""
    n = a.shape[0]
    m = a.shape[1]
    for j in range(m):
        for i in range(n):
            out[j] += a[i, j]


def colsum(a: "float64[:, :]") -> "float64[:]":
    """Fresh column sums; the summation order per column is kept."""
    out = np.zeros(a.shape[1])
    colsum_into(a, out)
    return out


def colsum_views(a: "float64[:, :]") -> "float64[:]":
    """Column sums of a transposed and a reversed view."""
    out = np.zeros(a.shape[0])
    colsum_into(a.T, out)
    back = np.zeros(a.shape[1])
    colsum_into(a[::-1, :], back)
    return out * 2.0 + back


def colsum_alias(a: "float64[:, :]") -> "float64[:, :]":
    """out is row 0 of a itself: later rows see the updated row 0."""
    if a.shape[0] > 0:
        colsum_into(a, a[0])
    return a


def colsum_n(a: "float64[:, :]", out: "float64[:]", n: int) -> "float64[:]":
    """Column sums over n rows: IndexError in the middle of the nest when
    n exceeds the rows, after the columns before it were summed."""
    for j in range(out.shape[0]):
        for i in range(n):
            out[j] += a[i, j]
    return out


def transpose(a: "float64[:, :]") -> "float64[:, :]":
    """Naive transpose: tiled."""
    n = a.shape[0]
    m = a.shape[1]
    b = np.zeros((m, n))
    for i in range(n):
        for j in range(m):
            b[j, i] = a[i, j]
    return b


def transpose_view(a: "float64[:, :]") -> "float64[:, :]":
    """Transpose of a view with negative and non-unit strides."""
    return transpose(a[::-1, ::2])


def transpose32(a: "float32[:, :]") -> "float32[:, :]":
    """float32 transpose."""
    b = np.zeros((a.shape[1], a.shape[0]), dtype=np.float32)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            b[j, i] = a[i, j]
    return b


def transpose_into(a: "float64[:, :]", b: "float64[:, :]", n: int, m: int) -> "float64[:, :]":
    """Transpose of the first n x m block: IndexError at the first
    element outside a or b, with the elements before it copied."""
    for i in range(n):
        for j in range(m):
            b[j, i] = a[i, j]
    return b


def skewed(a: "float64[:, :]") -> "float64[:, :]":
    """A carried (<, >) dependence: neither interchanged nor tiled."""
    n = a.shape[0]
    m = a.shape[1]
    for j in range(m - 1):
        for i in range(1, n):
            a[i, j] = a[i - 1, j + 1] + 1.0
    return a


def shifted(a: "float64[:, :]") -> "float64[:, :]":
    """Offsets in both axes and a negative index counted from the end."""
    n = a.shape[0]
    m = a.shape[1]
    b = np.zeros((n, m))
    for i in range(1, n):
        for j in range(m - 1):
            b[i, j] = a[i - 1, j + 1] - a[-1, j] + a[i, -1 - j]
    return b


def backwards(a: "float64[:]", n: int) -> float:
    """Negative and strided steps; n may run past either end."""
    s = 0.0
    for i in range(n - 1, -1, -1):
        s = s * 0.5 + a[i]
    for i in range(0, n, 3):
        s += a[-1 - i]
    return s


def axis_middle(x: "float64[:, :, :]") -> "float64[:, :]":
    """A 3-D reduction over the middle axis, written axis-last innermost."""
    out = np.zeros((x.shape[0], x.shape[2]))
    for i in range(x.shape[0]):
        for k in range(x.shape[2]):
            for j in range(x.shape[1]):
                out[i, k] += x[i, j, k]
    return out


def scalar_colsum(a: "float64[:, :]") -> float:
    """A scalar accumulated down columns: its order must stay."""
    s = 0.0
    for j in range(a.shape[1]):
        for i in range(a.shape[0]):
            s += a[i, j] * (j + 1)
    return s
