def f(a: int, b: int) -> int:
    """divmod gives two values, not three."""
    q, r, s = divmod(a, b)
    return q
