"""None and np.newaxis in subscripts: a new length-1 axis that broadcasts,
written the way numpy users write pairwise and outer computations."""
import numpy as np


def pairwise_diff(x: "float64[:, :]", y: "float64[:, :]") -> "float64[:, :, :]":
    """All row differences x[i] - y[j] as an (n, m, d) array."""
    return x[:, None, :] - y[None, :, :]


def pairwise_sqdist(x: "float64[:, :]") -> "float64[:, :]":
    """Squared Euclidean distances between the rows of x."""
    d = x[:, np.newaxis, :] - x[np.newaxis, :, :]
    return np.sum(d ** 2, axis=-1)


def outer_sum(a: "float64[:]", b: "float64[:]") -> "float64[:, :]":
    """a[i] + b[j] through a column and a row."""
    return a[:, np.newaxis] + b[np.newaxis, :]


def outer_product_int(a: "int64[:]", b: "int64[:]") -> "int64[:, :]":
    """a[i] * b[j] with a trailing None on one side only."""
    return a[:, None] * b


def add_row_vector(m: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    """m + v[None] (a leading axis) is m + v."""
    return m + v[None]


def subtract_column_means(m: "float64[:, :]") -> "float64[:, :]":
    """Centre each row: the row means as a column."""
    mu = m.mean(axis=1)
    return m - mu[:, None]


def normalize_rows(m: "float64[:, :]") -> "float64[:, :]":
    """Divide every row by its Euclidean norm."""
    norms = np.sqrt(np.sum(m * m, axis=1))
    return m / norms[:, np.newaxis]


def as_column(v: "float64[:]") -> "float64[:, :]":
    """v[:, None] as a value of its own (a view of v)."""
    c = v[:, None]
    return c * 2.0


def as_row_copy(v: "int32[:]") -> "int32[:, :]":
    """v[None, :] copied."""
    return v[None, :].copy()


def element_with_newaxis(v: "float64[:]", i: int) -> "float64[:]":
    """v[i, None] is a 1-element array."""
    return v[i, None] + 1.0


def middle_axis_3d(t: "float64[:, :, :]") -> "float64[:, :, :, :]":
    """A new axis in a 3-d array gives 4 axes."""
    return t[:, None, :, :] * t[:, :, None, :]


def slice_then_newaxis(m: "float64[:, :]") -> "float64[:, :, :]":
    """Slicing and new axes mixed in one subscript."""
    return m[1:, None, ::2] + 0.5


def trailing_newaxis_sum(m: "float64[:, :]") -> "float64[:, :]":
    """Reducing over a new trailing axis gives the array back."""
    return np.sum(m[:, :, None], axis=2)


def shape_of_newaxis(m: "float64[:, :]") -> int:
    """The shape and rank of a view with new axes."""
    t = m[None, :, None]
    a, b, c, d = t.shape
    return a * 1000 + b * 100 + c * 10 + d + t.ndim * 10000


def store_through_newaxis(m: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    """m[:, None] = ... stores into m through a view with a new axis."""
    out = m.copy()
    out[:, None] = v[:, None, None] * 0.0 + 3.0
    return out


def store_column(m: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    """Set the first column from a column vector."""
    out = m.copy()
    out[:, 0:1] = v[:, None]
    return out


def loop_over_rows(x: "float64[:, :]") -> "float64[:]":
    """Loops indexing a new axis element by element."""
    n = x.shape[0]
    out = np.zeros(n)
    for i in range(n):
        r = x[i][None, :]
        out[i] = np.sum(r * r)
    return out


def broadcast_mismatch(a: "float64[:]", b: "float64[:]") -> "float64[:, :]":
    """(n, 1, ) + (1, m) is fine; (1, n) + (m,) raises unless n == m."""
    return a[None, :] + b


def gaussian_kernel(x: "float64[:]", y: "float64[:]", s: float) -> "float64[:, :]":
    """exp(-(x_i - y_j)^2 / (2 s^2)), the RBF kernel matrix."""
    d = x[:, None] - y[None, :]
    return np.exp(-d * d / (2.0 * s * s))
