def f(a: int, b: int, i: int) -> int:
    """A tuple whose elements differ in kind cannot be indexed with a variable."""
    t = ((a, b), a)
    return t[i][0] + t[2]
