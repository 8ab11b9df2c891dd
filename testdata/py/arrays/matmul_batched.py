"""Products of arrays of rank above 2: a @ b of stacks of matrices (the
stacks broadcast as numpy broadcasts them) and np.dot of N-d arrays
(a's last axis with b's second-to-last), with numpy's ValueErrors."""
import numpy as np


def stack_matmul(a: "float64[:, :, :]", b: "float64[:, :, :]") -> "float64[:, :, :]":
    """One product per matrix of the stacks."""
    return a @ b


def stack_times_matrix(a: "float64[:, :, :]", b: "float64[:, :]") -> "float64[:, :, :]":
    """Every matrix of a stack times one matrix."""
    return np.matmul(a, b)


def matrix_times_stack(a: "float64[:, :]", b: "float64[:, :, :]") -> "float64[:, :, :]":
    """One matrix times every matrix of a stack."""
    return a @ b


def stack4_int(a: "int64[:, :, :, :]", b: "int64[:, :, :]") -> "int64[:, :, :, :]":
    """Integer stacks of rank 4 and 3 (exact, wrapping)."""
    return a @ b


def gram_stack(x: "float64[:, :, :]") -> "float64[:, :, :]":
    """x @ x^T per matrix, through a transposed view."""
    return x @ np.transpose(x, (0, 2, 1))


def stack_mixed(a: "float32[:, :, :]", b: "float64[:, :, :]") -> "float64[:, :, :]":
    """float32 @ float64 promotes."""
    return a @ b


def dot_3d_vector(a: "float64[:, :, :]", v: "float64[:]") -> "float64[:, :]":
    """np.dot of a 3-D array and a vector: over a's last axis."""
    return np.dot(a, v)


def dot_3d_matrix(a: "float64[:, :, :]", b: "float64[:, :]") -> "float64[:, :, :]":
    """np.dot of a 3-D array and a matrix."""
    return np.dot(a, b)


def dot_matrix_3d(a: "float64[:, :]", b: "float64[:, :, :]") -> "float64[:, :, :]":
    """np.dot of a matrix and a 3-D array: b's second-to-last axis."""
    return np.dot(a, b)


def dot_vector_3d(v: "int64[:]", b: "int64[:, :, :]") -> "int64[:, :]":
    """np.dot of a vector and a 3-D integer array."""
    return np.dot(v, b)
