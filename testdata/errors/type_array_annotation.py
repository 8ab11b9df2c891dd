def total(xs: "float64[:]") -> float:
    """Arrays come later."""
    return 0.0
