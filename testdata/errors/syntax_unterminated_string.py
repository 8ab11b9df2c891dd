def check(n: int) -> int:
    if n < 0:
        raise ValueError("n must be non-negative)
    return n * 2
