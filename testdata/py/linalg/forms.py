"""np.linalg calls in the places kernels put them: indexed tuple results,
a tuple kept in a variable, results inside expressions, operands that
are views or expressions, a call used for its check alone, a call
returned directly, calls in a loop."""
import numpy as np


def spellings(a: "float64[:, :]", b: "float64[:]"):
    """One value of each kind from one matrix."""
    ld = np.linalg.slogdet(a)[1]
    res = np.linalg.eigh(a @ a.T)
    w = res[0]
    x = np.linalg.qr(a)[0] @ b
    d2 = np.linalg.det(a) * 2.0
    y = np.linalg.inv(a) @ b + 1.0
    n = np.linalg.norm(a - a.T) + np.linalg.norm(b * 2.0)
    z = np.linalg.solve(a.T, b)
    e = np.linalg.inv(a)[0, 0]
    t = np.linalg.matrix_rank(a[:, ::2])
    np.linalg.cholesky(a @ a.T + np.eye(a.shape[0]))
    return ld, w, x, d2, y, n, z, e, t


def svd_of_diagonal(d: "float64[:]"):
    """The SVD tuple returned as is (a diagonal matrix: unique factors up
    to the order numpy fixes)."""
    n = d.shape[0]
    a = np.zeros((n, n))
    for i in range(n):
        a[i, i] = d[i]
    return np.linalg.svd(a)


def shifted_dets(a: "float64[:, :]", k: int) -> float:
    """det(a + i I) summed over i < k."""
    s = 0.0
    for i in range(min(max(k, 0), 5)):
        s += np.linalg.det(a + i * np.eye(a.shape[0]))
    return s


def check_only(a: "float64[:, :]") -> int:
    """cholesky as a test of positive definiteness: it raises or not."""
    np.linalg.cholesky(a)
    return 1
