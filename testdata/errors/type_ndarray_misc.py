#pythran export f(float32[:])
import numpy as np
import numpy.typing as npt


def f(a: npt.NDArray[np.float64]) -> float:
    return a[0]


def g(b: tuple[npt.NDArray[np.float64], int]) -> int:
    return 1


def h(c: npt.NDArray) -> int:
    return 1
