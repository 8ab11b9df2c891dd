def f(a: int, b: int, i: int) -> int:
    """Tuples may only be indexed with constants in range."""
    t = divmod(a, b)
    return t[i] + t[2]
