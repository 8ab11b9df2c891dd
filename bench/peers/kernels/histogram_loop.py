"""Counts of values modulo nbins, one element per iteration."""
import numpy as np


def histogram_loop(x: "int64[:]", nbins: int):
    counts = np.zeros(nbins, dtype=np.int64)
    for v in x:
        counts[v % nbins] += 1
    return counts
