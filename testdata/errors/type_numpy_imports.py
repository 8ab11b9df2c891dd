import numpy as np
import numpy.fft as la
from numpy import cross, sine
from numpy.random import rand


def f(a: "float64[:]", b: "float64[:]") -> float:
    """Each rejected import is one error; its uses are not reported again."""
    c = cross(a, b) + rand(3)
    return la.norm(c) + np.sum(sine(a))
