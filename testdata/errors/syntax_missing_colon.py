import numpy as np


def total(a: np.ndarray) -> float:
    s: float = 0.0
    for i in range(a.shape[0])
        s += a[i]
    return s
