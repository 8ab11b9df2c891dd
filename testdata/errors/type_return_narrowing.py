def half(n: int) -> int:
    """n / 2 is a float; the declared result is int."""
    return n / 2
