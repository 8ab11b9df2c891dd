import numpy as np


def f(x: list, y: np.float16, z: "f8") -> float:
    """Unsupported annotations."""
    return 0.0
