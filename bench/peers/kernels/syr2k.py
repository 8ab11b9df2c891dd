"""polybench syr2k: C = alpha (A B^T + B A^T) + beta C on the lower
triangle, as explicit triangular loops."""


def syr2k(alpha: float, beta: float, C: "float64[:, :]", A: "float64[:, :]", B: "float64[:, :]") -> None:
    n, m = A.shape
    for i in range(n):
        for j in range(i + 1):
            C[i, j] *= beta
        for k in range(m):
            for j in range(i + 1):
                C[i, j] += A[j, k] * alpha * B[i, k] + B[j, k] * alpha * A[i, k]
