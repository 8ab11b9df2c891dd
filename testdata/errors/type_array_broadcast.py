import numpy as np


def residual(n: int) -> "float64[:]":
    x = np.linspace(0.0, 1.0, 5)
    y = np.zeros(4)
    return x - y
