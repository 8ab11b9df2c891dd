"""Calls: bound arguments, Raises fixed point, tuples."""


def even(n: int) -> bool:
    """Mutual recursion; raises only through odd."""
    if n == 0:
        return True
    return odd(n - 1)


def odd(n: int) -> bool:
    """Mutual recursion with a raise."""
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return False
    return even(n - 1)


def pure(a: float, b: float = 2.0, c: float = 3.0) -> float:
    """Never raises."""
    return a * b + c


def kw(x: float) -> float:
    """Keyword arguments are evaluated in source order."""
    return pure(c=x * 2.0, a=x) + pure(x)


def pair(a: int, b: int):
    """A tuple result."""
    return a + b, a - b


def use_pair(a: int, b: int) -> int:
    """Unpacking and indexing tuples."""
    s, d = pair(a, b)
    t = pair(b, a)
    u = t
    return s * d + t[0] - u[-1]


def stmt_call(a: int) -> int:
    """A call as a statement."""
    pair(a, a)
    even(a)
    return a
