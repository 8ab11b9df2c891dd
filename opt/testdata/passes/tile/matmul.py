"""Matmul after interchange (ikj): b is reread for every i, so the 3-D nest
is tiled for L2 in its two outer loops (64-wide tiles at L2=1M: two
tiles of 64 rows of 512 float64 in half of it); j stays whole."""


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
