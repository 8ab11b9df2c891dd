"""ijk matmul becomes ikj: j innermost walks rows of c and b, a[i, k] is
invariant; each c[i, j] still sums over k in order, so results are
bit-identical. The invariant bound m - 1 between the loops moves out."""


def matmul(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]", n: int) -> None:
    for i in range(n):
        for j in range(n):
            for k in range(n):
                c[i, j] += a[i, k] * b[k, j]


def matmul_m1(a: "float64[:, :]", b: "float64[:, :]", c: "float64[:, :]", n: int, m: int) -> None:
    for i in range(n):
        for j in range(m - 1):
            for k in range(n):
                c[i, j] += a[i, k] * b[k, j]
