def read(n: int) -> int:
    with open("data.txt") as fh:
        n = n + 1
    return n
