def values(n: int):
    """Python keeps 1 an int beside 2.5; pyc2go lists hold one type."""
    out = [1, 2.5]
    out.append(n)
    return out
