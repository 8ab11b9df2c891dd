def scale(x, k: float) -> float:
    """Multiply x by k."""
    return x * k
