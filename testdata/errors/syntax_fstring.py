def describe(n: int) -> int:
    if n < 0:
        raise ValueError(f"bad n {n}")
    return n
