def pick(a: float, b: float) -> float:
    if a is b:
        return a
    return b
