"""Offsets and negative indices: both ends of -n <= t < n are tested at the
worst corner; a negative step takes its last value from the stride."""


def shifted(a: "float64[:, :]") -> None:
    n, m = a.shape
    for i in range(1, n):
        for j in range(m - 1):
            a[i, j] = a[i - 1, j + 1] + 1.0


def backwards(a: "float64[:]", b: "float64[:]", n: int) -> float:
    s = 0.0
    for i in range(n):
        s += a[-1 - i] * b[i - 3]
    return s


def strided(a: "int64[:]", n: int) -> int:
    s = 0
    for i in range(n - 1, 0, -3):
        s += a[2 * i + 1]
    return s
