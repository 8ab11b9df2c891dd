"""Euclidean norm of a float32 vector (numpy's float32 pairwise sum) and
its RMS, as a tuple."""
import numpy as np


def f32_norm(x: "float32[:]") -> tuple:
    s = np.sum(x * x)
    return np.sqrt(s), np.sqrt(s / x.shape[0])
