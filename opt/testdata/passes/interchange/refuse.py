"""Nests interchange must leave alone: a carried dependence whose
direction would flip, a scalar accumulated across both loops (its float
sum order would change), an index check left by bchoist, a triangular
nest, and a loop variable copy read after the nest."""


def carried(a: "float64[:, :]") -> None:
    n, m = a.shape
    for j in range(m - 1):
        for i in range(1, n):
            a[i, j] = a[i - 1, j + 1] + 1.0


def scalar_sum(a: "float64[:, :]") -> float:
    n, m = a.shape
    s = 0.0
    for j in range(m):
        for i in range(n):
            s += a[i, j]
    return s


def gathered(a: "float64[:, :]", idx: "int64[:]") -> None:
    n = idx.shape[0]
    for j in range(n):
        for i in range(n):
            a[idx[i], j] = 1.0


def triangular(a: "float64[:, :]", n: int) -> None:
    for j in range(n):
        for i in range(j):
            a[i, j] = 2.0


def last_value(a: "float64[:, :]") -> float:
    n, m = a.shape
    x = 0.0
    for j in range(m):
        for i in range(n):
            x = a[i, j]
    return x
