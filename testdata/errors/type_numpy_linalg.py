import numpy as np


def not_matrices(v: "float64[:]", z: "complex64[:, :]", m: "float64[:, :]") -> float:
    """numpy's LinAlgError for a vector, certain when compiling; complex64
    is not compiled yet."""
    a = np.linalg.inv(v)
    b = np.linalg.det(z)
    return np.linalg.cond(m)


def bad_options(m: "float64[:, :]", uv: bool, k: int, c: "complex128[:, :]"):
    """Options that decide a result's type must be constants."""
    w = np.linalg.eigh(m, UPLO="X")
    q = np.linalg.qr(m, mode="economic")
    s = np.linalg.svd(m, compute_uv=uv)
    p = np.linalg.matrix_power(np.ones((2, 2), dtype=np.int64), k)
    n = np.linalg.norm(m, axis=k)
    e = np.linalg.eigvalsh(c)
    return np.linalg.norm(c, 2)


def nope(m: "float64[:, :]"):
    return np.linalg.frobnicate(m)
