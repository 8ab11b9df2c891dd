def make_scaler(k: float):
    """A function value that escapes the function that made it."""
    return lambda v: v * k


def scalers(k: float):
    """Nor may it go into a tuple."""
    f = lambda v: v * k
    return (f, k)
