"""Where the true elements are: np.nonzero, np.where with one argument,
np.flatnonzero and np.argwhere, all int64 arrays in C order, counted in
a first pass and allocated once."""
import numpy as np


def positive_positions(a: "float64[:]") -> "int64[:]":
    """np.nonzero(a > 0)[0]."""
    return np.nonzero(a > 0)[0]


def coords_code(a: "float64[:, :]") -> "int64[:]":
    """Rows and columns unpacked from np.nonzero of a matrix."""
    r, c = np.nonzero(a > 0)
    return r * 100 + c


def nonzero_method(a: "int64[:]") -> "int64[:]":
    """a.nonzero() of integers."""
    return a.nonzero()[0]


def where_one_arg(a: "float64[:]") -> "int64[:]":
    """np.where(cond) is np.nonzero(cond)."""
    return np.where(a > 0)[0]


def where_pairs(a: "float64[:, :]") -> "int64[:]":
    """np.where(cond) of a matrix."""
    i, j = np.where(a > 0)
    return i - j


def flat_positions(a: "float64[:, :]") -> "int64[:]":
    """np.flatnonzero: C-order flat indices."""
    return np.flatnonzero(a > 0.5)


def negative_cells(a: "float64[:, :]") -> "int64[:, :]":
    """np.argwhere: one row per true element."""
    return np.argwhere(a < 0)


def argwhere_1d(a: "int64[:]") -> "int64[:, :]":
    """np.argwhere of a 1-D array is (N, 1)."""
    return np.argwhere(a)


def argwhere_3d(a: "float64[:, :, :]") -> "int64[:, :]":
    """Three columns for a 3-D array."""
    return np.argwhere(a > 1.0)


def nonzero_complex(z: "complex128[:]") -> "int64[:]":
    """A complex element is nonzero when either part is."""
    return np.flatnonzero(z)


def gather_where(a: "float64[:]") -> "float64[:]":
    """The positions used as an index array: a[np.nonzero(a > 0)[0]]."""
    return a[np.nonzero(a > 0)[0]]


def first_negative(a: "float64[:]") -> int:
    """The first negative element's index, -1 when there is none."""
    idx = np.flatnonzero(a < 0)
    if idx.shape[0] == 0:
        return -1
    return int(idx[0])


def nonzero_tuple(a: "float64[:]") -> "int64[:]":
    """The 1-tuple np.nonzero returns for a vector, held in a name."""
    t = np.nonzero(a)
    return t[0]
