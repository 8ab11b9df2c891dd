"""polybench atax: y = A^T (A x)."""


def atax(A: "float64[:, :]", x: "float64[:]"):
    return A.T @ (A @ x)
