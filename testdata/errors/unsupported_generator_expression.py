def total(n: int) -> int:
    return sum(i for i in range(n))
