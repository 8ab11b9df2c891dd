"""All-pairs Euclidean distances as the Numba tutorial writes them:
@njit, three loops, np.sqrt of a scalar."""
import numpy as np
from numba import njit


@njit
def pairwise_dist_loops(X: "float64[:, :]"):
    M, N = X.shape
    D = np.empty((M, M))
    for i in range(M):
        for j in range(M):
            d = 0.0
            for k in range(N):
                tmp = X[i, k] - X[j, k]
                d += tmp * tmp
            D[i, j] = np.sqrt(d)
    return D
