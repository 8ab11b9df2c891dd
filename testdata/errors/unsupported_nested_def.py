import numpy as np


def outer(a: np.ndarray) -> float:
    def inner(x: float) -> float:
        return x * 2.0
    return inner(a[0])
