import numpy as np


def f(y: "float64[:]"):
    """An unsupported call whose result goes into a returned tuple."""
    c = np.foo(y)
    return c, 1
