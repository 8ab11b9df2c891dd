def axpy(a: float, x: float, y: float = 0.0) -> float:
    """a * x + y."""
    return a * x + y


def caller(v: float) -> float:
    """Passes a keyword axpy does not have, and one twice."""
    return axpy(2.0, v, z=1.0) + axpy(2.0, v, a=3.0)
