"""np.linalg.norm as kernels use it: vector and matrix norms, row norms
with axis= and keepdims= to normalise, norms over pairs of axes, and
numpy's error for an order no matrix norm has."""
import numpy as np
from numpy import linalg


def vector_norms(v: "float64[:]", p: float):
    """Every vector norm: 2 (the default), 1, inf, -inf, 0 (a count), a
    power, and an order known only at run time."""
    return (np.linalg.norm(v), np.linalg.norm(v, 1), np.linalg.norm(v, np.inf),
            np.linalg.norm(v, -np.inf), np.linalg.norm(v, 0), np.linalg.norm(v, 3),
            np.linalg.norm(v, ord=p))


def matrix_norms(a: "float64[:, :]"):
    """Every matrix norm: Frobenius, nuclear, max column and row sums,
    spectral (largest and smallest singular value)."""
    return (np.linalg.norm(a, "fro"), np.linalg.norm(a, "nuc"), np.linalg.norm(a, 1),
            np.linalg.norm(a, -1), np.linalg.norm(a, 2), np.linalg.norm(a, -2),
            np.linalg.norm(a, np.inf), np.linalg.norm(a, -np.inf))


def normalize_rows(a: "float64[:, :]") -> "float64[:, :]":
    """Each row divided by its Euclidean length (keepdims for broadcasting)."""
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def column_norms(a: "float64[:, :]"):
    """Column 2-norms and 1-norms along axis 0; and the whole array's norm
    kept 2-d."""
    return linalg.norm(a, axis=0), linalg.norm(a, ord=1, axis=0), linalg.norm(a, keepdims=True)


def stack_norms(x: "float64[:, :, :]"):
    """Matrix norms of a stack: Frobenius over the last two axes, the
    max-row-sum norm over axes (0, 2)."""
    return np.linalg.norm(x, axis=(1, 2)), np.linalg.norm(x, ord=np.inf, axis=(0, 2))


def pairwise_distances(x: "float64[:, :]") -> "float64[:, :]":
    """Euclidean distances between rows."""
    n = x.shape[0]
    d = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            d[i, j] = np.linalg.norm(x[i, :] - x[j, :])
    return d


def complex_norms(z: "complex128[:]", m: "complex128[:, :]"):
    """Norms of complex arrays are real."""
    return np.linalg.norm(z), np.linalg.norm(z, 1), np.linalg.norm(m, "fro"), np.linalg.norm(m, np.inf)


def int_norm(v: "int64[:]") -> float:
    """Integer vectors are converted to float64."""
    return np.linalg.norm(v)


def norm32(a: "float32[:, :]"):
    """float32 norms stay float32."""
    return np.linalg.norm(a), np.linalg.norm(a, axis=1)


def bad_matrix_ord(a: "float64[:, :]", p: float) -> float:
    """A matrix has no 3-norm: ValueError('Invalid norm order for
    matrices.')."""
    return np.linalg.norm(a, ord=p)
