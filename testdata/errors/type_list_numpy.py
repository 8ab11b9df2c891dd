import numpy as np


def total(xs: "list[float]") -> float:
    """A list passed to a numpy function other than np.array."""
    return float(np.mean(xs))
