def f(a: int, b: int):
    """Returns a tuple on one path and a number on another."""
    if a > b:
        return a, b
    return a
