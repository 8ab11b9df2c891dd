def sign(x: float) -> int:
    """Falls off the end when x is nan."""
    if x > 0.0:
        return 1
    elif x <= 0.0:
        return -1
