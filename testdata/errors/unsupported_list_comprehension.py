import numpy as np


def squares(n: int) -> np.ndarray:
    return np.array([i * i for i in range(n)])
