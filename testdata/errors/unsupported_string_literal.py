def mode(n: int) -> int:
    name = "fast"
    return n
