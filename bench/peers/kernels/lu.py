"""polybench lu: Doolittle LU factorisation without pivoting, in
triangular loops, on a copy of the matrix."""
import numpy as np


def lu(A: "float64[:, :]") -> "float64[:, :]":
    a = A.copy()
    n = a.shape[0]
    for i in range(n):
        for j in range(i):
            for k in range(j):
                a[i, j] -= a[i, k] * a[k, j]
            a[i, j] /= a[j, j]
        for j in range(i, n):
            for k in range(i):
                a[i, j] -= a[i, k] * a[k, j]
    return a
