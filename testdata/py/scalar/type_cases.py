"""Type-inference corner cases: widening, bool arithmetic, float32, int powers, module constants."""

import math
import numpy as np

N = 64
EPS = 1e-9
TWO_PI = 2 * math.pi
HALF = 0.5


def widen_to_float(n: int) -> float:
    """acc starts as an int sum, then is rebound to a float by true division."""
    n = max(0, min(n, 1000))
    acc = 0
    for i in range(n):
        acc += i
    acc = acc / 2
    acc += 0.25
    return acc


def int_plus_float(a: int, x: float) -> float:
    """Mixed int + float arithmetic promotes to float."""
    return a + x * HALF


def true_div_ints(a: int, b: int) -> float:
    """a / b on ints always yields a float."""
    return a / b


def bool_arith(flag: bool, n: int) -> int:
    """Booleans are ints: True + 1 + flag * n."""
    return True + 1 + flag * n


def count_true(a: bool, b: bool, c: bool) -> int:
    """Sum of three bools as an int."""
    return a + b + c


def int_of_bool(b: bool) -> int:
    """int(b): 0 or 1."""
    return int(b)


def bool_of_int(a: int) -> bool:
    """bool(a): False only for zero."""
    return bool(a)


def bool_of_float(x: float) -> bool:
    """bool(x): False only for 0.0 and -0.0 (nan is True)."""
    return bool(x)


def float_of_int(a: int) -> float:
    """float(a) / 3."""
    return float(a) / 3


def int_powers(a: int) -> int:
    """a ** 2 + a ** 3 - a ** 0 with literal exponents; stays int (|a| <= 10**6 fits int64)."""
    return a ** 2 + a ** 3 - a ** 0


def int_neg_power(a: int) -> float:
    """a ** -1 + a ** -2: int to a negative literal power is a float; a == 0 raises ZeroDivisionError."""
    return a ** -1 + a ** -2


def float_int_power(x: float) -> float:
    """x ** 3: float to a literal int power (OverflowError if the result overflows)."""
    return x ** 3


def math_pow(x: float, y: float) -> float:
    """math.pow(x, y): ValueError for a negative base with a non-integer exponent."""
    return math.pow(x, y)


def wrap_index(i: int) -> int:
    """i % N with the module constant N = 64 (always in [0, 64))."""
    return i % N


def scaled_angle(x: float) -> float:
    """x * TWO_PI + EPS using module constants."""
    return x * TWO_PI + EPS


def near_zero(x: float) -> bool:
    """abs(x) < EPS."""
    return abs(x) < EPS


def f32_axpy(a: np.float32, x: np.float32, y: np.float32) -> np.float32:
    """a * x + y in float32 arithmetic (operands are all float32)."""
    return a * x + y


def f32_sum3(a: np.float32, b: np.float32, c: np.float32) -> np.float32:
    """(a + b) + c rounded to float32 after each addition."""
    s = a + b
    s = s + c
    return s


def f32_poly(x: np.float32, c0: np.float32, c1: np.float32, c2: np.float32) -> np.float32:
    """Horner c2*x^2 + c1*x + c0 entirely in float32."""
    r = c2 * x + c1
    r = r * x + c0
    return r


def i32_add(a: np.int32, b: np.int32) -> np.int32:
    """a + b in int32 arithmetic (numpy wraps modulo 2**32 on overflow)."""
    return a + b


def int_edge(a: int) -> int:
    """a * 3: documents int64 wrap-around; Python ints grow but the compiled Go int64 wraps for |a| > 2**63 // 3."""
    return a * 3


def bitops(a: int, b: int) -> int:
    """Combination of &, |, ^, ~ on ints (two's-complement semantics for negatives)."""
    return ((a & b) | (a ^ 255)) ^ ~b


def shifts(a: int, s: int) -> int:
    """(a << s) >> 1 with s in [0, 30]; >> floors for negatives."""
    if s < 0 or s > 30:
        raise ValueError("shift out of range")
    return (a << s) >> 1


def popcount(a: int) -> int:
    """Number of set bits of the low 32 bits of a (masking keeps negatives finite)."""
    x = a & 4294967295
    count = 0
    while x != 0:
        x &= x - 1
        count += 1
    return count


def bit_reverse8(a: int) -> int:
    """Reverse the low 8 bits of a."""
    x = a & 255
    r = 0
    for _ in range(8):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r
