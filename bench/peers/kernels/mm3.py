"""polybench 3mm: G = (A B)(C D)."""
import numpy as np


def mm3(A: "float64[:, :]", B: "float64[:, :]", C: "float64[:, :]", D: "float64[:, :]"):
    E = A @ B
    F = np.dot(C, D)
    return E @ F
