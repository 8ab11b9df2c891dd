"""numpy integer shifts by counts outside [0, bits), found by internal/progen.

numpy gives 0 (or -1 for >> of a negative) where the count is negative or
at least the width; the Go code panicked on a negative signed count, and a
constant negative count did not compile.
"""
import numpy as np


def shr(a: np.int8, b: np.int8) -> np.int8:
    return a >> b


def shl(a: np.int16, b: np.int16) -> np.int16:
    return a << b


def shr_const(a: np.int8) -> np.int8:
    return a >> np.int8(-2)


def shl_const(a: np.int32) -> np.int32:
    return (a << np.int32(-1)) | (np.int32(5) << np.int32(-3))


def ushr(a: np.uint8, b: np.uint8) -> np.uint8:
    return a >> b
