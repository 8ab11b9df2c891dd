"""Linear algebra: matrix products in loop style and with np.dot / @,
matrix-vector products, outer products, transposes and traces."""
import numpy as np


def matmul_loops(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Textbook ijk matrix product."""
    n, k = a.shape
    if b.shape[0] != k:
        raise ValueError("matmul_loops: inner dimensions differ")
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for p in range(k):
                s += a[i, p] * b[p, j]
            c[i, j] = s
    return c


def matmul_ikj(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """ikj order: the row of b is streamed, c[i, :] += a[i, p] * b[p, :]."""
    n, k = a.shape
    if b.shape[0] != k:
        raise ValueError("matmul_ikj: inner dimensions differ")
    c = np.zeros((n, b.shape[1]))
    for i in range(n):
        for p in range(k):
            c[i, :] += a[i, p] * b[p, :]
    return c


def matmul_dot(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Matrix product with np.dot."""
    return np.dot(a, b)


def matmul_at(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Matrix product with the @ operator."""
    return a @ b


def matmul_np(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """Matrix product with np.matmul."""
    return np.matmul(a, b)


def matvec_loops(a: "float64[:, :]", x: "float64[:]") -> "float64[:]":
    """y = A x with explicit loops."""
    n, m = a.shape
    if x.shape[0] != m:
        raise ValueError("matvec_loops: shapes do not match")
    y = np.zeros(n)
    for i in range(n):
        s = 0.0
        for j in range(m):
            s += a[i, j] * x[j]
        y[i] = s
    return y


def matvec_at(a: "float64[:, :]", x: "float64[:]") -> "float64[:]":
    """y = A @ x."""
    return a @ x


def gram(a: "float64[:, :]") -> "float64[:, :]":
    """A^T A through the transpose view."""
    return a.T @ a


def outer_np(x: "float64[:]", y: "float64[:]") -> "float64[:, :]":
    """np.outer of two vectors."""
    return np.outer(x, y)


def outer_loops(x: "float64[:]", y: "float64[:]") -> "float64[:, :]":
    """Outer product with loops."""
    out = np.empty((x.shape[0], y.shape[0]))
    for i in range(x.shape[0]):
        for j in range(y.shape[0]):
            out[i, j] = x[i] * y[j]
    return out


def trace_loop(a: "float64[:, :]") -> float:
    """Sum of the diagonal of a square matrix."""
    n = a.shape[0]
    if a.shape[1] != n:
        raise ValueError("trace_loop: matrix is not square")
    s = 0.0
    for i in range(n):
        s += a[i, i]
    return s


def transpose_copy(a: "float64[:, :]") -> "float64[:, :]":
    """A contiguous copy of the transpose."""
    return a.T.copy()


def symmetrize(a: "float64[:, :]") -> "float64[:, :]":
    """(A + A^T) / 2 for a square matrix."""
    return (a + a.T) / 2.0


def add_identity(a: "float64[:, :]", lam: float) -> "float64[:, :]":
    """A + lam * I (ridge regularisation), with np.eye."""
    n = a.shape[0]
    if a.shape[1] != n:
        raise ValueError("add_identity: matrix is not square")
    return a + lam * np.eye(n)


def int_matmul(a: "int64[:, :]", b: "int64[:, :]") -> "int64[:, :]":
    """Integer matrix product (exact, wraps around like numpy)."""
    return a @ b


def mat_power3(a: "float64[:, :]") -> "float64[:, :]":
    """A @ A @ A for a square matrix."""
    return a @ a @ a
