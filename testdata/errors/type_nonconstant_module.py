import math

N = 10
LIMIT = math.sqrt(N)
BAD = 1 // 0
OK = N * 2


def f() -> int:
    """Uses the constants."""
    return OK
