def total(n: int) -> int:
    """A generator kept in a variable (it escapes the call that consumes it)."""
    squares = (i * i for i in range(n))
    return sum(squares)
