import numpy as np


def totals(m: "float64[:, :]") -> "float64[:, :]":
    """initial= exists in numpy but not yet here; bogus= nowhere."""
    return np.sum(m, axis=0, initial=1.0) + np.sum(m, bogus=1)


def roots(a: "float64[:]", out: "float64[:]") -> None:
    np.sqrt(a, out=out)
