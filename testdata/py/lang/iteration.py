"""range, enumerate, zip and reversed in every form (issue #12)."""
import numpy as np


def countdown_sum(n: int) -> int:
    """reversed(range(...)) and negative steps."""
    n = min(n, 10000)
    s = 0
    for i in reversed(range(n)):
        s = s * 3 % 1000003 + i
    for i in range(n, 0, -3):
        s -= i
    return s


def enumerate_from_one(a: "float64[:]") -> float:
    total = 0.0
    for i, x in enumerate(a, start=1):
        total += i * x
    for i, x in enumerate(a, 10):
        total -= i * x
    return total


def antisymmetry(a: "float64[:]") -> float:
    """enumerate over zip with a nested target."""
    s = 0.0
    for i, (x, y) in enumerate(zip(a, reversed(a))):
        s += i * (x - y)
    return s


def grid_weights(m: "float64[:, :]") -> float:
    s = 0.0
    for k, row in enumerate(m):
        for j, v in enumerate(row):
            s += k * j * v
    return s


def tuple_loops(x: float) -> float:
    """Loops over tuple literals, ints and mixed."""
    s = x
    for w in (1, 2, 4):
        s = s * w + 1
    for w in (1, 2.5, 4):
        s -= w
    return s


def zip_ranges(n: int) -> int:
    s = 0
    for i, j in zip(range(min(n, 50)), range(100, 0, -7)):
        s += i * j
    for i, (j, k) in enumerate(zip(range(3, 30, 4), reversed(range(5)))):
        s += i + j * k
    return s


def horner(coeffs: "float64[:]", x: float) -> float:
    """Horner's rule, highest degree last."""
    acc = 0.0
    for c in reversed(coeffs):
        acc = acc * x + c
    return acc


def row_firsts(m: "float64[:, :]") -> float:
    s = 0.0
    for r in reversed(m):
        if r.shape[0] > 0:
            s = 2.0 * s + r[0]
    return s


def zip_weights(a: "float64[:]") -> float:
    """zip stops at the shortest, a tuple here."""
    s = 0.0
    for x, w in zip(a, (0.5, 0.25, 0.125)):
        s += x * w
    return s


def pairs_first_match(a: "int64[:]", target: int):
    """for-else over pairs of indices."""
    n = len(a)
    for i in range(n):
        for j in reversed(range(i + 1, n)):
            if a[i] + a[j] == target:
                return i, j
    else:
        return -1, -1
