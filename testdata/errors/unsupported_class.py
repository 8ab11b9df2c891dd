import numpy as np


class Accumulator:
    def __init__(self):
        self.total = 0.0


def add(a: np.ndarray) -> float:
    return a.sum()
