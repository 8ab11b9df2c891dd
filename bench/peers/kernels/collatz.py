"""Collatz stopping times of 1..n-1: int64 while loops with branches."""
import numpy as np


def collatz(n: int) -> "int64[:]":
    out = np.zeros(n, dtype=np.int64)
    for i in range(1, n):
        x = i
        s = 0
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            s += 1
        out[i] = s
    return out
