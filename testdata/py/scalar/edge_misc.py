"""Adversarial kernels: PEP 526 locals, augmented assignment, complex corners, conversions."""

import math
import cmath
import numpy as np

LIMIT = -(2 ** 31)
RATIO = 1 / 3
ZERO = 0.0
NEG_ZERO = -0.0
FLAG = True


def annotated_locals(n: int) -> float:
    """PEP 526 locals, one bare declaration assigned on both branches."""
    total: float = 0
    k: int
    if n > 0:
        k = n
    else:
        k = -n
    k = min(k, 1000)
    for i in range(k):
        total += i * RATIO
    return total


def neg_zero_consts(x: float):
    """Module constants 0.0 and -0.0 keep their signs."""
    return ZERO * x, NEG_ZERO, NEG_ZERO + ZERO, -ZERO, math.copysign(1.0, NEG_ZERO)


def bool_const(a: int) -> int:
    """A bool module constant in arithmetic."""
    return a * FLAG + FLAG + (a if FLAG else -a)


def limit_const(a: int) -> bool:
    """Negative computed constant."""
    return a > LIMIT and -a < -LIMIT


def aug_float_int(a: int, x: float) -> float:
    """Augmented assignment mixing int and float (variable widened to float)."""
    y = a
    y += x
    y //= 3
    y %= 7.5
    return y


def aug_pow(a: int, n: int) -> int:
    """**= with small exponents."""
    a = min(max(a, -30), 30)
    n = min(max(n, 0), 4)
    b = a
    b **= n
    b <<= 2
    b >>= 1
    b |= 1
    b ^= 6
    b &= -3
    return b


def aug_div_zero(a: float, b: float) -> float:
    """/= by zero raises after reading the target."""
    c = a
    c /= b
    c -= b
    return c


def complex_div_zero(a: complex) -> complex:
    """Complex divided by complex zero, real zero and int zero."""
    return a / 0j


def complex_div_real_zero(a: complex, b: float) -> complex:
    """Complex divided by a float."""
    return a / b


def real_div_complex(x: float, b: complex) -> complex:
    """Float divided by a complex."""
    return x / b


def complex_abs_big(a: complex) -> float:
    """abs of a complex may overflow."""
    return abs(a * 1e200)


def complex_neg_zero(a: complex):
    """Unary minus and signed zero parts."""
    return -a, a * -1, a - a, 0j - a, -(0j)


def complex_conj_chain(a: complex) -> complex:
    """conjugate of real/imag combos."""
    return a.conjugate().conjugate() + complex(a.imag, a.real) * 1j


def complex_from_parts(x: float, y: float) -> complex:
    """complex(x, y) with signed zeros and nan."""
    return complex(x, y)


def complex_pow_int_lit(a: complex) -> complex:
    """Complex ** literal ints incl. 0 and negative."""
    if abs(a) < 1e-100 or abs(a) > 1e100:
        return a
    return a ** 0 + a ** -1 + a ** 4


def complex_int_pow(k: int, a: complex) -> complex:
    """int ** complex."""
    k = min(max(k, 1), 5)
    if abs(a) > 100:
        return a
    return k ** a


def cmath_funcs(a: complex):
    """cmath.sqrt with signed zeros."""
    return cmath.sqrt(a)


def complex_phase(a: complex) -> float:
    """cmath.phase."""
    return cmath.phase(a)


def complex_compare(a: complex, x: float) -> bool:
    """Complex equality with a float."""
    return a == x or a != complex(x, 0.0)


def complex_truth(a: complex) -> bool:
    """Truthiness of complex."""
    return bool(a) and not a == 0


def int_float_eq(a: int, x: float) -> bool:
    """int == float comparisons at large magnitudes."""
    big = a * 1000000000000
    return big == x or float(big) == x or big < x


def int_to_float_div(a: int, b: int) -> float:
    """True division after mixed ops."""
    return (a * 3 + 1) / (b - 2) if b != 2 else 0.5


def float_int_mod(x: float, k: int) -> float:
    """float % int and int % float."""
    return x % k + k % x if k != 0 and x != 0.0 else 1.0


def float_int_floordiv(x: float, k: int) -> float:
    """float // int and int // float."""
    return x // k + k // x if k != 0 and x != 0.0 else 1.0


def trunc_division(a: int, b: int) -> int:
    """int(a / b) vs a // b."""
    if b == 0:
        return 0
    return int(a / b) - a // b


def isclose_special(a: float, b: float) -> bool:
    """isclose with inf, nan and abs_tol."""
    return math.isclose(a, b, abs_tol=0.5)


def gcd_negatives(a: int, b: int) -> int:
    """gcd of negatives and with a computed large value."""
    return math.gcd(a * 6, b * 4) + math.gcd(-(2 ** 62), 6)


def np_f32_annot(a: float) -> np.float32:
    """np.float32(x) conversion then arithmetic."""
    x: np.float32 = np.float32(a)
    y = x * x
    return y - x


def np_i32_conv(a: int):
    """np.int32(x) of a Python int wraps; np.uint8 too."""
    return np.int32(a * 5000), np.uint8(a), np.int16(a)


def np_f32_from_int(a: int) -> np.float32:
    """np.float32 of a large int rounds."""
    return np.float32(a * 1000003 + 1)


def np_i32_from_float(x: float) -> np.int32:
    """np.int32 of a float in range."""
    if math.isnan(x) or abs(x) > 2e9:
        return np.int32(0)
    return np.int32(x)


def divmod_neg_zero(x: float, y: float):
    """divmod with signed zero results."""
    if y == 0.0:
        return 0.0, 0.0, 0.0, 0.0
    q, r = divmod(x, y)
    return q, r, math.copysign(1.0, r), math.copysign(1.0, q)


def floor_of_int_div(a: int, b: int) -> int:
    """math.floor(a / b) equals a // b for small values."""
    if b == 0:
        return 0
    return math.floor(a / b) - a // b + math.ceil(a / b)


def chained_unpack(a: int, b: int, c: int):
    """Rotating three values via tuple unpacking."""
    n = 0
    while n < 5:
        a, b, c = b, c, a + b
        n += 1
    return a, b, c


def atan2_underflow(y: float, x: float):
    """atan2 when y / x underflows: the result keeps y's sign (-pi, not pi)."""
    return math.atan2(-abs(y) * 1e-300, -abs(x) * 1e300), cmath.phase(complex(-1e300, -abs(y) * 1e-300))
