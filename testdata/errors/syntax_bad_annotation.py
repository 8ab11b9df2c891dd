def f(n: int) -> int:
    k: int int = n
    return k
