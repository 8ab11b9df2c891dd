"""Valid kernels whose C once failed to build under -Wall -Wextra -Werror.

This docstring has a /* nested comment opener */, a trigraph ??/
at the end of a line, and ??= ??( ??) too.
"""
import numpy as np


def invert_bool(a: int, b: int) -> int:
    """~ on a comparison: Python's ~True is -2 (gcc: -Wbool-operation)."""
    return ~(a < b)


def mod_inverted(a: np.uint8, b: np.uint8) -> np.uint8:
    """b % ~a on uint8: the promoted ~ drew -Wsign-compare; ~255 is 0."""
    return b % ~a


def invert_narrow(a: np.int8, b: np.uint16) -> int:
    return int(~a) + int(~b)


def pair(out0: int, out1: int):
    """Parameters named like the C out-pointers of a tuple result."""
    return out1, out0 - 1


def single(out: float, err: float) -> float:
    """Parameters named like the out-pointer and the error pointer. /* */"""
    return out - err
