"""A damped, modulated oscillation: transcendental-heavy elementwise."""
import numpy as np


def damped_wave(t: "float64[:]"):
    return np.exp(-0.1 * t) * np.sin(3.0 * t) + 0.5 * np.cos(7.0 * t) * np.tanh(t - 5.0)
