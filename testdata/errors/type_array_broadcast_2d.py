import numpy as np


def grid() -> "float64[:, :]":
    col = np.zeros((3, 1))
    m = col + np.ones(4)
    return m * np.eye(3)
