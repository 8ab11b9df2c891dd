def has(a, x: float) -> bool:
    return x in a
