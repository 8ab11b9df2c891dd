def f(z: complex) -> complex:
    """// is not defined for complex numbers."""
    return z // 2
