"""A modular checksum of int64 products: integer elementwise work and a
sum."""
import numpy as np


def i64_checksum(a: "int64[:]", b: "int64[:]") -> int:
    return int(np.sum((a * b + 7) % 1000003))
