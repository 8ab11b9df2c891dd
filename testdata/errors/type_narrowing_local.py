def f(x: float) -> int:
    """An int-annotated local is assigned a float."""
    n: int = 0
    n = x * 2.0
    return n
