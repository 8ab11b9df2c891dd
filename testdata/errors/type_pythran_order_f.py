#pythran export transpose_sum(float64[:, :] order(F))
import numpy as np


def transpose_sum(m):
    return m.sum()
