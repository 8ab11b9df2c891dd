"""64-bit wrap-around generators written with np.uint64, the form the
diagnostic at `(a * x + c) & 0xFFFFFFFFFFFFFFFF` on Python ints asks for
(testdata/errors/type_int_mask64.py): numpy's uint64 arithmetic wraps
modulo 2**64 without a mask."""
import numpy as np


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
