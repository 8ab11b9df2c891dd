"""numpy's elementwise functions called on scalars: numpy semantics (NaN
propagation, ties, no ZeroDivisionError) and numpy's result types."""

import numpy as np


def min_max(x: float, y: float):
    """np.minimum and np.maximum propagate a NaN; ties give the second operand."""
    return np.minimum(x, y), np.maximum(x, y)


def fmin_fmax(x: float, y: float):
    """np.fmin and np.fmax ignore a NaN operand."""
    return np.fmin(x, y), np.fmax(x, y)


def int_min_max(i: int, j: int):
    """On ints: int64 results."""
    return np.minimum(i, j), np.maximum(i, j)


def sign_square(x: float):
    """np.sign (NaN for NaN), np.square, np.negative, np.rint."""
    return np.sign(x), np.square(x), np.negative(x), np.rint(x)


def int_sign_square(i: int):
    """np.sign and np.square of an int (wrapping)."""
    return np.sign(i), np.square(i)


def power(x: float, y: float) -> float:
    """np.power of floats: inf or nan instead of exceptions."""
    return np.power(x, y)


def int_power(i: int, j: int) -> int:
    """np.power of ints wraps; a negative exponent raises ValueError."""
    return np.power(i, min(j, 70))


def logical(x: float, y: float):
    """np.logical_and/or/not of numbers."""
    return np.logical_and(x, y), np.logical_or(x, y), np.logical_not(x)


def angles(y: float, x: float):
    """np.arctan2 and np.hypot."""
    return np.arctan2(y, x), np.hypot(x, y)


def f32_ops(a: np.float32, b: np.float32):
    """float32 operands stay float32."""
    return np.minimum(a, b), np.square(a), np.sign(b)
