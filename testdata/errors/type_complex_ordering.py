def bigger(a: float, b: float) -> bool:
    """z becomes complex, then is ordered."""
    z = a
    z = z + 1j * b
    return z < a
