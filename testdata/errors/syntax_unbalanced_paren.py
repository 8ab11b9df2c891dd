import numpy as np


def norm(a: np.ndarray) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        s += (a[i] * a[i]))
    return np.sqrt(s)
