"""Reductions: dot products, sums, means, variances, axis reductions,
argmin/argmax and boolean any/all, in loop style and whole-array style."""
import numpy as np


def dot_loop(a: "float64[:]", b: "float64[:]") -> float:
    """Dot product accumulated left to right, as a C loop would."""
    if a.shape[0] != b.shape[0]:
        raise ValueError("dot_loop: lengths differ")
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def dot_np(a: "float64[:]", b: "float64[:]") -> float:
    """Dot product with np.dot (numpy's summation order)."""
    return np.dot(a, b)


def dot_zip(a: "float64[:]", b: "float64[:]") -> float:
    """Dot product iterating the two arrays together."""
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s


def sum_squares(x: "float64[:]") -> float:
    """Sum of squares fused into one pass: np.sum(x ** 2)."""
    return np.sum(x ** 2)


def sse(x: "float64[:]", y: "float64[:]") -> float:
    """Sum of squared errors, np.sum((x - y) ** 2) without temporaries."""
    return np.sum((x - y) ** 2)


def mean_loop(x: "float64[:]") -> float:
    """Mean by a running sum; 0.0 for an empty array."""
    n = x.shape[0]
    if n == 0:
        return 0.0
    s = 0.0
    for v in x:
        s += v
    return s / n


def mean_std(x: "float64[:]"):
    """np.mean and np.std (population) of a vector."""
    if x.size == 0:
        return 0.0, 0.0
    return np.mean(x), np.std(x)


def variance_two_pass(x: "float64[:]") -> float:
    """Two-pass sample variance; raises for fewer than two values."""
    n = len(x)
    if n < 2:
        raise ValueError("variance needs at least two values")
    m = x.sum() / n
    acc = 0.0
    for i in range(n):
        d = x[i] - m
        acc += d * d
    return acc / (n - 1)


def col_sums(m: "float64[:, :]") -> "float64[:]":
    """Column sums: m.sum(axis=0)."""
    return m.sum(axis=0)


def row_means(m: "float64[:, :]") -> "float64[:]":
    """Row means: np.mean(m, axis=1)."""
    return np.mean(m, axis=1)


def row_sums_loop(m: "float64[:, :]") -> "float64[:]":
    """Row sums with explicit loops into a fresh array."""
    rows, cols = m.shape
    out = np.zeros(rows)
    for i in range(rows):
        s = 0.0
        for j in range(cols):
            s += m[i, j]
        out[i] = s
    return out


def col_min_max(m: "float64[:, :]"):
    """Column minima and row maxima (numpy raises on an empty axis)."""
    return m.min(axis=0), np.max(m, axis=1)


def argmax_rows(m: "float64[:, :]") -> "int64[:]":
    """Index of the largest element of every row."""
    return np.argmax(m, axis=1)


def argmin_cols(m: "float64[:, :]") -> "int64[:]":
    """Index of the smallest element of every column."""
    return m.argmin(axis=0)


def argmax_loop(x: "float64[:]") -> int:
    """First index of the maximum, NaN-unaware like a hand-written loop."""
    if x.shape[0] == 0:
        raise ValueError("argmax of an empty array")
    best = 0
    for i in range(1, x.shape[0]):
        if x[i] > x[best]:
            best = i
    return best


def argmin_argmax(x: "float64[:]"):
    """np.argmin and np.argmax of a vector (NaN wins, as in numpy)."""
    return np.argmin(x), np.argmax(x)


def int_total(a: "int64[:]") -> int:
    """Integer sum; wraps around like numpy's int64."""
    return np.sum(a)


def int_col_sums(m: "int64[:, :]") -> "int64[:]":
    """Integer column sums."""
    return np.sum(m, axis=0)


def any_negative(x: "float64[:]") -> bool:
    """Whether some element is negative: np.any on a comparison."""
    return np.any(x < 0.0)


def all_finite(m: "float64[:, :]") -> bool:
    """Whether every element is finite."""
    return np.all(np.isfinite(m))


def rows_all_positive(m: "float64[:, :]") -> "bool[:]":
    """Per row: are all elements positive."""
    return (m > 0.0).all(axis=1)


def bool_count(mask: "bool[:]") -> int:
    """Number of True entries, counted in a loop."""
    c = 0
    for v in mask:
        if v:
            c += 1
    return c


def prod_int32(a: "int32[:]") -> int:
    """Product of an int32 vector (numpy accumulates in int64)."""
    return np.prod(a)


def frobenius(m: "float64[:, :]") -> float:
    """Frobenius norm, np.sqrt(np.sum(m * m))."""
    return np.sqrt(np.sum(m * m))


def var_cols(m: "float64[:, :]") -> "float64[:]":
    """Column variances with np.var (nan for zero rows)."""
    return np.var(m, axis=0)


def ravel_cumsum(m: "float64[:, :]") -> "float64[:]":
    """Prefix sums over the flattened matrix (m.ravel() is a view here)."""
    return np.cumsum(m.ravel())


def weighted_positions(x: "float64[:]") -> float:
    """Sum of i * x[i] with enumerate."""
    s = 0.0
    for i, v in enumerate(x):
        s += i * v
    return s


def row_norms_contiguous(m: "float64[:, ::1]") -> "float64[:]":
    """Row norms of a C-contiguous matrix (the ::1 annotation)."""
    out = np.zeros(m.shape[0])
    for i in range(m.shape[0]):
        out[i] = np.sqrt(np.dot(m[i], m[i]))
    return out


def short_form_gather(a: "f8[:]", idx: "i8[:]") -> float:
    """Sum of a[idx[k]] for the indices inside a; short dtype spellings."""
    n = a.shape[0]
    s = 0.0
    for k in range(idx.shape[0]):
        j = idx[k]
        if j >= -n and j < n:
            s += a[j]
    return s


def shape_info(t: "float32[:, :, :]"):
    """ndim, size and the shape of a rank-3 array, and its total."""
    return t.ndim, t.size, t.shape[0], t.shape[1], t.shape[2], np.sum(t, axis=2)
