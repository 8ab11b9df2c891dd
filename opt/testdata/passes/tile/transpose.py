"""Transpose: one of the two arrays is strided in either order, so the 2-D
nest is tiled for L2 (two float64 arrays: 128-wide tiles at L2=1M)."""


def transpose(a: "float64[:, :]", b: "float64[:, :]") -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            b[j, i] = a[i, j]


def transpose32(a: "float32[:, :]", b: "float32[:, :]") -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            b[j, i] = a[i, j]
