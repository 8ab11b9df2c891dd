"""Rotate complex samples by per-sample phases, then reduce:
complex128 with a complex exponential."""
import numpy as np


def phase_rotate(z: "complex128[:]", phi: "float64[:]") -> float:
    w = z * np.exp(1j * phi)
    return np.sum(w.real * w.imag)
