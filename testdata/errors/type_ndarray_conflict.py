import numpy as np
import numpy.typing as npt


def smooth(u: "float64[:]") -> float:
    return u[0]


def caller(m: npt.NDArray[np.float64]) -> float:
    return m[0, 1] + smooth(m)


def caller2(m: npt.NDArray[np.float64]) -> float:
    r, c = m.shape
    return smooth(m) * r
