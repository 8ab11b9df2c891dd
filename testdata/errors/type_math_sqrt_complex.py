import math


def root(z: complex) -> float:
    """math.sqrt rejects complex numbers."""
    return math.sqrt(z)
