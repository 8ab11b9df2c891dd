"""Joining arrays: np.concatenate, np.stack, np.hstack and np.vstack of
tuple and list displays, as feature-engineering and geometry code does."""
import numpy as np


def append_ones_column(x: "float64[:, :]") -> "float64[:, :]":
    """A bias column for a design matrix."""
    return np.hstack((x, np.ones((x.shape[0], 1))))


def concat_1d(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    """Two vectors end to end."""
    return np.concatenate((a, b))


def concat_three_list(a: "int64[:]", b: "int64[:]") -> "int64[:]":
    """A list display of three arrays, one of them computed."""
    return np.concatenate([a, b * 2, a[::-1]])


def concat_columns(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Along axis 1: the row counts must agree (numpy's ValueError)."""
    return np.concatenate((a, b), axis=1)


def concat_rows_mixed(a: "int32[:, :]", b: "float32[:, :]") -> "float64[:, :]":
    """int32 and float32 promote to float64."""
    return np.concatenate((a, b), axis=0)


def stack_points(x: "float64[:]", y: "float64[:]", z: "float64[:]") -> "float64[:, :]":
    """(n, 3) points from coordinates, with axis=1."""
    return np.stack((x, y, z), axis=1)


def stack_default(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :, :]":
    """np.stack along a new first axis (shapes must be equal)."""
    return np.stack([a, b])


def stack_last(a: "int64[:, :]", b: "int64[:, :]") -> "int64[:, :, :]":
    """axis=-1 adds the new axis last."""
    return np.stack((a, b), axis=-1)


def vstack_rows(a: "float64[:]", b: "float64[:]") -> "float64[:, :]":
    """1-d arrays become the rows."""
    return np.vstack((a, b, a + b))


def vstack_matrices(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Matrices on top of each other (column counts must agree)."""
    return np.vstack([a, b])


def hstack_vectors(a: "bool[:]", b: "bool[:]") -> "bool[:]":
    """hstack of 1-d arrays is concatenate."""
    return np.hstack((a, b))


def mirror_pad(x: "float64[:]") -> "float64[:]":
    """Reflect a signal at both ends with slices."""
    return np.concatenate((x[1:3][::-1], x, x[-3:-1][::-1]))


def block_matrix(a: "float64[:, :]") -> "float64[:, :]":
    """[[a, 0], [0, a]] from hstack and vstack."""
    z = np.zeros_like(a)
    return np.vstack((np.hstack((a, z)), np.hstack((z, a))))
