"""Every subscript of ijk matmul is a loop variable: six checks, one test."""


def matmul(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]", n: int) -> None:
    for i in range(n):
        for j in range(n):
            for k in range(n):
                c[i, j] += a[i, k] * b[k, j]
