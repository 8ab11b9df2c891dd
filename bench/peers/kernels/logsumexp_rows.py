"""Numerically stable log-sum-exp of every row, with keepdims."""
import numpy as np


def logsumexp_rows(a: "float64[:, :]"):
    m = a.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))).ravel()
