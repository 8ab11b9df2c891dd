def f(x: float, n: int) -> int:
    """Bitwise operators are for ints (and bools)."""
    return n & x
