import numpy as np
from numpy.typing import NDArray


def make(n: int) -> NDArray[np.float32]:
    acc: NDArray[np.int32] = np.zeros(n)
    return acc * 2.0
