def lcg(seed: int, n: int) -> int:
    """The 64-bit LCG of Python code: the mask cannot make an int64."""
    x = seed
    for i in range(n):
        x = (6364136223846793005 * x + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return x


def xorshift(x: int) -> int:
    x ^= x << 13
    x &= 0xFFFFFFFFFFFFFFFF
    return x


def too_big() -> int:
    """Other big literals keep the plain message."""
    return 0x1FFFFFFFFFFFFFFFF & 3
