def check(x: float):
    """Returns nothing."""
    assert x > 0.0, "x must be positive"


def f(x: float) -> float:
    """Uses the missing result of check."""
    y = check(x)
    return x
