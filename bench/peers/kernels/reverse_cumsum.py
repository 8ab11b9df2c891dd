"""Suffix sums: cumsum of the reversed array, reversed back."""
import numpy as np


def reverse_cumsum(x: "float64[:]"):
    return np.cumsum(x[::-1])[::-1]
