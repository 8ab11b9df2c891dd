import numpy as np
import numpy.typing as npt


def f(a: npt.NDArray[np.float16], b: npt.NDArray[float]) -> float:
    return a[0] + b[0]
