"""64-bit wrap-around generators written with np.uint64, the form the
diagnostic at `(a * x + c) & 0xFFFFFFFFFFFFFFFF` on Python ints asks for
(testdata/errors/type_int_mask64.py): numpy's uint64 arithmetic wraps
modulo 2**64 without a mask. np.uint64 takes literals up to 2**64-1
(splitmix64's constants)."""
import numpy as np
from numpy import uint64


def lcg64(seed: int, n: int) -> np.uint64:
    """Knuth's MMIX LCG, n steps from seed."""
    x = np.uint64(seed)
    for i in range(n):
        x = np.uint64(6364136223846793005) * x + np.uint64(1442695040888963407)
    return x


def lcg64_uniform_sum(seed: int, n: int) -> float:
    """Sum of n uniforms in [0, 1) from the top 53 bits of the LCG."""
    x = np.uint64(seed)
    s = 0.0
    for i in range(n):
        x = np.uint64(6364136223846793005) * x + np.uint64(1442695040888963407)
        s += float(x >> np.uint64(11)) / 9007199254740992.0
    return s


def xorshift64(seed: np.uint64, n: int) -> np.uint64:
    """Marsaglia's xorshift64, n steps."""
    x = seed
    for i in range(n):
        x ^= x << np.uint64(13)
        x ^= x >> np.uint64(7)
        x ^= x << np.uint64(17)
    return x


def splitmix64(seed: np.uint64, n: int) -> np.uint64:
    """Vigna's splitmix64 output after n steps: constants above 2**63."""
    x = seed
    z = np.uint64(0)
    for i in range(n):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        z = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z


def mask_all(x: np.uint64) -> np.uint64:
    return x & np.uint64(0xFFFFFFFFFFFFFFFF)
