"""Nests tile must leave alone: a dependence with a negative component
(tiles would run a read before the write it needs), unit-stride walks with
no reuse (nothing to gain), a loop starting at a run-time value, and a
non-unit step."""


def skewed(a: "float64[:, :]") -> None:
    n, m = a.shape
    for i in range(1, n):
        for j in range(m - 1):
            a[j, i] = a[j + 1, i - 1] + 1.0


def rows(a: "float64[:, :]", b: "float64[:, :]") -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            b[i, j] = a[i, j] * 2.0


def from_k(a: "float64[:, :]", b: "float64[:, :]", k: int) -> None:
    n, m = a.shape
    for i in range(k, n):
        for j in range(m):
            b[j, i] = a[i, j]


def stepped(a: "float64[:, :]", b: "float64[:, :]") -> None:
    n, m = a.shape
    for i in range(0, n, 2):
        for j in range(m):
            b[j, i] = a[i, j]
