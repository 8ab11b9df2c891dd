def f(x: int) -> int:
    """Uses a name that is never assigned."""
    return x + y
