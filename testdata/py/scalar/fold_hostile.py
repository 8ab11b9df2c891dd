"""Valid kernels whose constant-folded code once failed to build.

Folding left code behind that never runs but that Go or C -Werror reject
(a constant division by zero, a negative constant shift), folded only some
integer kinds (a uint8 constant expression overflowed in Go), or left
comparisons whose value is known, which gcc and clang reject under -Werror.
"""
import numpy as np


def uint8_div_zero(a: np.uint8) -> np.uint8:
    """numpy gives 0 (with a warning); the zero test folded to a dead branch."""
    return np.uint8(1) // np.uint8(0) + a


def uint8_mod_zero(a: np.uint8) -> np.uint8:
    return a % np.uint8(0)


def int8_mod_zero(a: np.int8) -> np.int8:
    return np.int8(-7) % np.int8(0) - a


def uint8_wrap(a: int) -> np.uint8:
    """numpy: 252; the folded Go constant overflowed uint8."""
    return (np.uint8(0) % np.uint8(2)) - np.uint8(4)


def narrow_fold(a: int) -> int:
    """Every integer kind folds // % ** and abs with wrap-around."""
    r = int(np.int8(-128) // np.int8(-1)) + int(np.int16(-7) % np.int16(3))
    r += int(np.uint16(300) ** np.uint16(3)) + int(abs(np.int8(-128)))
    r += int(~np.uint64(0) // np.uint64(7))
    r += int(np.uint32(7) ** np.uint32(33)) + int(np.int32(-9) // np.int32(4))
    return r + a


def negative_shift(a: int) -> int:
    """CPython: ValueError: negative shift count, for every a."""
    return 64 >> int(np.int32(-1)) + a


def shift_in_branch(a: int) -> int:
    if a > 0:
        return a << int(np.int8(-2))
    return a


def float32_div_zero(x: np.float32) -> np.float32:
    return x / np.float32(0.0) + np.float32(1.0) / np.float32(0.0)


def self_compare(a: int, x: float) -> bool:
    return a == a and not (a < a)


def self_chain(x: float) -> bool:
    return x < x < x


def self_compare_float(x: float, y: np.float32) -> int:
    r = 0
    if x == x:
        r += 1
    if y != y:
        r += 2
    if x <= x:
        r += 4
    if y >= y:
        r += 8
    return r


def bitwise_compare(x: int) -> int:
    r = 0
    if (x | 4) != 3:
        r += 1
    if (x & 4) == 3:
        r += 2
    if 3 == (4 | x):
        r += 4
    return r


def bool_compare(a: int, b: int) -> int:
    r = 0
    if (a < b) < 0:
        r += 1
    if (a < b) == 2:
        r += 2
    if (a < b) >= 0:
        r += 4
    if 1 > (a < b):
        r += 8
    return r


def kind_limits(a: np.uint8, b: np.int8, c: np.uint64) -> int:
    r = 0
    if a >= np.uint8(0):
        r += 1
    if b <= np.int8(127):
        r += 2
    if c < np.uint64(0):
        r += 4
    if np.int8(-128) > b:
        r += 8
    return r


def overlap_compare(a: int, b: np.int8) -> int:
    """Found by internal/progen (seed 110): clang rejects && of comparisons
    whose ranges do not meet and || of ones that cover every value."""
    r = 0
    t = np.int8(0)
    if np.int8(127) == t <= np.int8(-124):
        r += 1
    if a < 3 and a > 5:
        r += 2
    if a != 1 or a != 2:
        r += 4
    if b < np.int8(0) or b > np.int8(-5):
        r += 8
    return r


def unsigned_abs_compare(r: np.uint32) -> np.uint16:
    """Found by internal/progen (seed 139): abs of an unsigned value prints
    as the value, so r > abs(r) reached gcc as a self-comparison."""
    return np.uint16(0) if r > abs(r) else np.uint16(7)
