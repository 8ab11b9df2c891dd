"""np.outer flattens operands of any rank."""
import numpy as np


def outer2(a: "float64[:, :]", b: "float64[:]") -> "float64[:, :]":
    return np.outer(a, b)
