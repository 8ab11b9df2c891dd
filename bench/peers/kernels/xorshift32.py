"""Marsaglia's xorshift32 applied to a uint32 array, a few rounds."""


def xorshift32(x: "uint32[:]", rounds: int):
    y = x.copy()
    for _ in range(rounds):
        y ^= y << 13
        y ^= y >> 17
        y ^= y << 5
    return y
