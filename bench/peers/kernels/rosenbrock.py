"""The Rosenbrock function of a long vector, Pythran style: an export
comment instead of annotations."""
import numpy as np


#pythran export rosenbrock(float64[:])
def rosenbrock(x):
    return np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)
