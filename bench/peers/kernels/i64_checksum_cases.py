"""bench/peers arguments of i64_checksum."""
import numpy as np

STYLE = "array"
SIZES = {"full": 2_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (rng.integers(-1 << 30, 1 << 30, n), rng.integers(-1 << 30, 1 << 30, n))


CASES = [("i64_checksum", lambda rng: args(rng, "smoke"))]
