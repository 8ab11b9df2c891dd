"""k-means assignment step: nearest centroid per point, explicit loops,
int64 labels."""
import numpy as np


def kmeans_assign(points: "float64[:, :]", centroids: "float64[:, :]") -> "int64[:]":
    n, d = points.shape
    k = centroids.shape[0]
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        best = 0
        best_d = np.inf
        for c in range(k):
            dist = 0.0
            for j in range(d):
                diff = points[i, j] - centroids[c, j]
                dist += diff * diff
            if dist < best_d:
                best_d = dist
                best = c
        labels[i] = best
    return labels
