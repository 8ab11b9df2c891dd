"""Log of a normalised exponential, summed: the shape of a
log-likelihood."""
import numpy as np


def log_exp_sum(s: "float64[:]", c: float) -> float:
    return np.log(np.exp(-s) / c).sum()
