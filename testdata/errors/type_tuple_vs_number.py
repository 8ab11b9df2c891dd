def f(a: int, b: int) -> int:
    """x is a number here and a tuple below."""
    x = a + b
    if a > b:
        x = divmod(a, b)
    return 0
