def g(n: int) -> int:
    """Takes an int."""
    return n + 1


def f(x: float) -> int:
    """Passes a float where an int is declared."""
    return g(x)
