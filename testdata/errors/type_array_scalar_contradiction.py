import numpy as np


def f(n: int) -> float:
    acc = 0.0
    if n > 3:
        acc = np.zeros(n)
    return 1.0
