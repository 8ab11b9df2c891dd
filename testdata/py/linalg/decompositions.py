"""Factorisations with np.linalg, checked the way numerical code uses
them: Cholesky solves, eigen-decompositions checked against power
iteration and reconstruction, condition numbers from the SVD, QR
least squares, pseudo-inverses and ranks, matrix powers. Eigenvector and
singular vector signs (and eig's order) are LAPACK's choice, so results
that depend on them are combined into sign-free quantities."""
import numpy as np


def cholesky_solve(a: "float64[:, :]", b: "float64[:]") -> "float64[:]":
    """Solve a x = b for SPD a with L = cholesky(a): forward then back
    substitution."""
    l = np.linalg.cholesky(a)
    n = b.shape[0]
    y = np.zeros(n)
    for i in range(n):
        s = b[i]
        for k in range(i):
            s -= l[i, k] * y[k]
        y[i] = s / l[i, i]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        s = y[i]
        for k in range(i + 1, n):
            s -= l[k, i] * x[k]
        x[i] = s / l[i, i]
    return x


def cholesky_factor(a: "float64[:, :]") -> "float64[:, :]":
    """The factor itself (LinAlgError for a matrix that is not positive
    definite)."""
    return np.linalg.cholesky(a)


def eigh_reconstruct(a: "float64[:, :]"):
    """Eigenvalues, and how well v diag(w) v.T rebuilds a."""
    w, v = np.linalg.eigh(a)
    r = (v * w) @ v.T - a
    return w, float(np.max(np.abs(r))) < 1e-9


def power_iteration(a: "float64[:, :]", iters: int):
    """The dominant eigenvalue by power iteration, against eigvalsh."""
    n = a.shape[0]
    x = np.ones(n)
    lam = 0.0
    for _ in range(min(max(iters, 1), 500)):
        y = a @ x
        lam = float(np.sqrt(np.sum(y * y)))
        x = y / lam
    w = np.linalg.eigvalsh(a)
    return lam, w[n - 1], abs(lam - w[n - 1]) < 1e-6 * w[n - 1]


def eigvalsh_upper(a: "float64[:, :]") -> "float64[:]":
    """Eigenvalues from the upper triangle only (UPLO='U')."""
    return np.linalg.eigvalsh(a, UPLO="U")


def eig_invariants(a: "float64[:, :]"):
    """Sum and product of the eigenvalues: the trace and the determinant,
    whatever their order."""
    w = np.linalg.eigvals(a)
    s = 0j
    p = 1 + 0j
    for k in range(w.shape[0]):
        s += w[k]
        p *= w[k]
    return s, p


def eig_residual(a: "float64[:, :]") -> bool:
    """max |A v - v diag(w)| over the eigenpairs: tiny."""
    w, v = np.linalg.eig(a)
    r = a @ v - v * w
    return float(np.max(np.abs(r))) < 1e-8


def condition_number(a: "float64[:, :]") -> float:
    """The 2-norm condition number from the singular values."""
    s = np.linalg.svd(a, compute_uv=False)
    return s[0] / s[s.shape[0] - 1]


def svd_reconstruct(a: "float64[:, :]"):
    """Thin SVD: the singular values, and u diag(s) vh rebuilds a."""
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    r = (u * s) @ vh - a
    return s, float(np.max(np.abs(r))) < 1e-9


def svd_full(a: "float64[:, :]"):
    """Full SVD: square orthogonal factors."""
    u, s, vh = np.linalg.svd(a)
    m = u.shape[0]
    e = u @ u.T - np.eye(m)
    return u.shape[0], u.shape[1], vh.shape[0], s, float(np.max(np.abs(e))) < 1e-9


def qr_lstsq(a: "float64[:, :]", b: "float64[:]") -> "float64[:]":
    """Least squares by QR: solve R x = Q.T b by back substitution."""
    q, r = np.linalg.qr(a)
    c = q.T @ b
    n = r.shape[1]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        s = c[i]
        for k in range(i + 1, n):
            s -= r[i, k] * x[k]
        x[i] = s / r[i, i]
    return x


def qr_modes(a: "float64[:, :]"):
    """The shapes of complete QR, and |diag(R)| of mode 'r'."""
    q, r = np.linalg.qr(a, mode="complete")
    r2 = np.linalg.qr(a, mode="r")
    k = min(r2.shape[0], r2.shape[1])
    d = np.zeros(k)
    for i in range(k):
        d[i] = abs(r2[i, i])
    return q.shape[0], q.shape[1], r.shape[0], r.shape[1], d


def qr_raw(a: "float64[:, :]"):
    """mode='raw': Householder vectors and scalars, LAPACK's geqrf."""
    h, tau = np.linalg.qr(a, mode="raw")
    return h, tau


def pinv_identity(a: "float64[:, :]"):
    """The pseudo-inverse satisfies a @ p @ a == a."""
    p = np.linalg.pinv(a)
    r = a @ p @ a - a
    return p, float(np.max(np.abs(r))) < 1e-9


def low_rank(u: "float64[:, :]", v: "float64[:, :]"):
    """The rank of u @ v.T (at most the columns of u), with and without
    tol=."""
    m = u @ v.T
    return np.linalg.matrix_rank(m), np.linalg.matrix_rank(m, tol=1e-3)


def int_power(a: "int64[:, :]", n: int) -> "int64[:, :]":
    """Integer matrix powers stay integers (wrapping as numpy's)."""
    return np.linalg.matrix_power(a, 3)


def fib_power(n: int) -> int:
    """Fibonacci numbers from powers of [[1, 1], [1, 0]]."""
    q = np.array([[1, 1], [1, 0]])
    n = min(max(n, 0), 90)
    p = np.linalg.matrix_power(q, 5)
    r = np.eye(2, dtype=np.int64)
    for _ in range(n // 5):
        r = r @ p
    for _ in range(n % 5):
        r = r @ q
    return int(r[0, 1])


def float_power(a: "float64[:, :]", n: int) -> "float64[:, :]":
    """Float matrix powers; a negative exponent inverts first."""
    return np.linalg.matrix_power(a, max(min(n, 6), -6))


def eig32(a: "float32[:, :]"):
    """float32 input: eigh in double, rounded; eigvals as complex64."""
    w = np.linalg.eigvalsh(a)
    z = np.linalg.eigvals(a)
    s = np.complex64(0)
    for k in range(z.shape[0]):
        s += z[k]
    return w, s
