"""numpy scalar arithmetic: no ZeroDivisionError."""

import numpy as np


def f32(a: np.float32, b: np.float32) -> np.float32:
    """float32 division and floor division by zero give inf/nan."""
    return a / b + a // b + a % b


def i32(a: np.int32, b: np.int32) -> np.int32:
    """int32 // and % by zero give 0."""
    return a // b + a % b


def conv(x: float, n: int) -> np.float32:
    """np.float32() and np.int32() conversions."""
    y = np.float32(x)
    k = np.int32(x)
    return y + np.float32(k) + np.float32(n)
