import numpy as np
import numpy.typing as npt


def total(a: npt.NDArray[np.float64]) -> float:
    return float(a.sum())
