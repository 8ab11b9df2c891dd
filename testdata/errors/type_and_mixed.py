def pick(a: int, x: float) -> float:
    """'and' returns one operand unchanged, so both must have one type."""
    return a and x
