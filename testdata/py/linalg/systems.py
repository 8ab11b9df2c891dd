"""Linear systems with np.linalg, written as numerical code writes them:
least-squares polynomial fits, a tridiagonal solve, Mahalanobis distances,
inverses and determinants, and the errors numpy raises (a singular or
non-square matrix)."""
import numpy as np
import numpy.linalg as la
from numba import njit, prange
from numpy.linalg import solve


def polyfit(x: "float64[:]", y: "float64[:]", deg: int):
    """Least-squares polynomial coefficients (highest power first), as
    np.polyfit computes them: the Vandermonde matrix and lstsq."""
    deg = min(max(deg, 0), 6)
    n = x.shape[0]
    v = np.zeros((n, deg + 1))
    for i in range(n):
        p = 1.0
        for j in range(deg, -1, -1):
            v[i, j] = p
            p *= x[i]
    coef, resid, rank, sv = np.linalg.lstsq(v, y, rcond=None)
    return coef, resid, rank, sv


def lstsq_multi(a: "float64[:, :]", b: "float64[:, :]"):
    """lstsq with several right-hand sides and numpy's old default rcond."""
    x, resid, rank, sv = np.linalg.lstsq(a, b)
    return x, resid, rank, sv


def tridiagonal(d: "float64[:]", off: float) -> "float64[:]":
    """Solve the tridiagonal system (diag d, off-diagonals off) for a
    right-hand side of ones."""
    n = d.shape[0]
    a = np.zeros((n, n))
    for i in range(n):
        a[i, i] = d[i]
        if i > 0:
            a[i, i - 1] = off
            a[i - 1, i] = off
    return np.linalg.solve(a, np.ones(n))


def solve_many(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Several right-hand sides at once (the `from numpy.linalg import` form)."""
    return solve(a, b)


def residual(a: "float64[:, :]", b: "float64[:]") -> float:
    """The residual norm of a solve: tiny for a well-conditioned system."""
    x = la.solve(a, b)
    r = a @ x - b
    return float(np.sqrt(np.sum(r * r)))


def mahalanobis(x: "float64[:, :]", mu: "float64[:]", cov: "float64[:, :]") -> "float64[:]":
    """Mahalanobis distance of every row of x: solve with the covariance."""
    n = x.shape[0]
    out = np.zeros(n)
    for i in range(n):
        d = x[i, :] - mu
        out[i] = np.sqrt(d @ np.linalg.solve(cov, d))
    return out


def mahalanobis_inv(x: "float64[:, :]", mu: "float64[:]", cov: "float64[:, :]") -> "float64[:]":
    """The same distances through the inverse covariance."""
    p = np.linalg.inv(cov)
    n = x.shape[0]
    out = np.zeros(n)
    for i in range(n):
        d = x[i, :] - mu
        out[i] = np.sqrt(d @ (p @ d))
    return out


def inverse(a: "float64[:, :]") -> "float64[:, :]":
    """The inverse (LinAlgError for a singular or non-square matrix)."""
    return np.linalg.inv(a)


def rotation_det(theta: float) -> float:
    """The determinant of a 3-d rotation: 1 up to rounding."""
    c = np.cos(theta)
    s = np.sin(theta)
    r = np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    return np.linalg.det(r)


def det_and_slogdet(a: "float64[:, :]"):
    """det, and slogdet's sign and log|det| (sign 0 for a singular matrix)."""
    sign, logdet = np.linalg.slogdet(a)
    return np.linalg.det(a), sign, logdet


def int_det(a: "int64[:, :]") -> float:
    """The determinant of an integer matrix (numpy computes it in float64)."""
    return np.linalg.det(a)


def det_stack(a: "float64[:, :, :]") -> "float64[:]":
    """Determinants of a stack of matrices."""
    return np.linalg.det(a)


def solve32(a: "float32[:, :]", b: "float32[:]"):
    """float32 systems are solved in double and rounded, as numpy does;
    det and slogdet stay float32 too."""
    sign, logdet = np.linalg.slogdet(a)
    return np.linalg.solve(a, b), np.linalg.det(a), sign, logdet


def complex_solve(a: "complex128[:, :]", b: "complex128[:]"):
    """Complex systems: solve, det and slogdet."""
    sign, logdet = np.linalg.slogdet(a)
    return np.linalg.solve(a, b), np.linalg.det(a), sign, logdet


def singular_solve(n: int) -> "float64[:]":
    """A matrix of ones is singular for n >= 2: LinAlgError."""
    n = min(max(n, 1), 8)
    return np.linalg.solve(np.ones((n, n)), np.ones(n))


@njit(parallel=True)
def batch_solve(a: "float64[:, :, :]", b: "float64[:, :]") -> "float64[:, :]":
    """One small system per iteration of a parallel loop."""
    n = a.shape[0]
    out = np.zeros((n, b.shape[1]))
    for i in prange(n):
        out[i, :] = np.linalg.solve(a[i, :, :], b[i, :])
    return out
