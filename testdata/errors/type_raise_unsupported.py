def f(x: int) -> int:
    """KeyError is not supported, nor a computed message."""
    if x < 0:
        raise KeyError("negative")
    if x > 100:
        raise ValueError(x)
    return x
