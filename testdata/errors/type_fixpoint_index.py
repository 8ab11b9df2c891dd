def f(y: "float64[:]"):
    """Too many indices inside a value that goes into a returned tuple:
    the real error, not an internal one (issue #12)."""
    c = y[0, 0]
    return c, 1
