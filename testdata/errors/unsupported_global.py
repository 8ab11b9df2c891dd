COUNT = 0


def bump(k: int) -> int:
    global COUNT
    return k + 1
