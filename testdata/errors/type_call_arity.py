def add(a: int, b: int) -> int:
    """a + b."""
    return a + b


def too_few(x: int) -> int:
    """Calls add with one argument."""
    return add(x)


def too_many(x: int) -> int:
    """Calls add with three arguments."""
    return add(x, x, x)
