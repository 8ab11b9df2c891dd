"""A damped Gaussian pulse on a time grid: "how do I make this numpy
exponential faster?" (a StackOverflow perennial)."""
import numpy as np


def gauss_decay(t: "float64[:]", a: float, b: float):
    return np.exp(-a * t - b * t**2)
