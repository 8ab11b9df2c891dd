import numpy as np


def drop(a: np.ndarray) -> float:
    x = a[0]
    del x
    return 0.0
