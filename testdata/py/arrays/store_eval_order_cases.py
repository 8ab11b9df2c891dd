"""Matrices with zero to three rows, so that either side can be out of range."""
import numpy as np


def mat(r):
    return r.standard_normal((int(r.integers(0, 4)), 2))


CASES = [("row_copy", lambda r: (mat(r),)), ("row_sum", lambda r: (mat(r),))]
