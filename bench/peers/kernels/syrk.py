"""polybench syrk: C = alpha A A^T + beta C on the lower triangle, as
explicit triangular loops."""


def syrk(alpha: float, beta: float, C: "float64[:, :]", A: "float64[:, :]") -> None:
    n, m = A.shape
    for i in range(n):
        for j in range(i + 1):
            C[i, j] *= beta
        for k in range(m):
            for j in range(i + 1):
                C[i, j] += alpha * A[i, k] * A[j, k]
