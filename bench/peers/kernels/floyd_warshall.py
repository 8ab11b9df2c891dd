"""polybench floyd-warshall on int64 path lengths, in place."""
import numpy as np


def floyd_warshall(path: "int64[:, :]") -> None:
    n = path.shape[0]
    for k in range(n):
        for i in range(n):
            for j in range(n):
                path[i, j] = min(path[i, j], path[i, k] + path[k, j])
