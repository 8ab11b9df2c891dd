"""Adversarial kernels: numpy scalar parameters, numpy 1.24 promotion, wraparound and float32 rounding."""

import numpy as np

SCALE = 3
FSCALE = 0.1


def f32_add(a: np.float32, b: np.float32) -> np.float32:
    """float32 + float32 rounds to float32."""
    return a + b


def f32_mixed_float(a: np.float32, x: float) -> float:
    """float32 + Python float promotes to float64."""
    return a + x


def f32_mixed_int(a: np.float32, k: int):
    """float32 * Python int."""
    return a * k


def f32_chain(a: np.float32, b: np.float32, c: np.float32) -> np.float32:
    """(a * b + c) / b - a rounded at every step."""
    return (a * b + c) / b - a


def f32_div_zero(a: np.float32, b: np.float32) -> np.float32:
    """float32 division by zero returns inf/nan without raising."""
    return a / b


def f32_floordiv(a: np.float32, b: np.float32):
    """float32 // and % by anything incl. zero."""
    return a // b, a % b


def f32_neg_abs(a: np.float32):
    """Unary minus and abs of float32."""
    return -a, abs(a)


def f32_compare(a: np.float32, x: float):
    """Comparisons of float32 with float."""
    return a < x, a == x, a >= x


def f32_const(a: np.float32):
    """float32 times module constants."""
    return a * SCALE, a * FSCALE


def f32_loop(a: np.float32, n: int) -> np.float32:
    """Accumulate in float32."""
    n = min(max(n, 0), 200)
    s: np.float32 = np.float32(0.0)
    for _ in range(n):
        s = s + a
    return s


def f32_to_float(a: np.float32) -> float:
    """float() of float32."""
    return float(a) * 3.0


def i32_wrap(a: np.int32, b: np.int32) -> np.int32:
    """int32 multiplication wraps."""
    return a * b * a


def i32_floordiv(a: np.int32, b: np.int32):
    """int32 // and % by anything incl. zero (numpy returns 0)."""
    return a // b, a % b


def i32_truediv(a: np.int32, b: np.int32) -> float:
    """int32 / int32 is float64."""
    return a / b


def i32_python_int(a: np.int32, k: int):
    """int32 + Python int (numpy 1.24: int64)."""
    return a + k, a * 3, a - k * 2


def i32_neg(a: np.int32, b: np.int32):
    """Negation and subtraction of int32."""
    return -a, a - b, abs(b)


def i32_shift(a: np.int32, s: np.int32):
    """Shifts and bitwise ops of int32."""
    s2 = s & 15
    return a << s2, a >> s2, a & b_mask(), a | 7, a ^ -1


def b_mask() -> int:
    """A mask."""
    return 255


def u8_arith(a: np.uint8, b: np.uint8):
    """uint8 wraps on + - *."""
    return a + b, a - b, a * b


def u8_div(a: np.uint8, b: np.uint8):
    """uint8 // and % and /."""
    return a // b, a % b, a / b


def u8_python_int(a: np.uint8, k: int):
    """uint8 with Python int operands."""
    return a + 1, a - 300, a * k


def u8_neg(a: np.uint8):
    """Unary minus on uint8 wraps."""
    return -a, ~a


def i16_arith(a: np.int16, b: np.int16):
    """int16 wraps."""
    return a * b, a + b, a - b, a // b, a % b


def i16_with_i32(a: np.int16, b: np.int32):
    """int16 with int32 promotes to int32."""
    return a * b, a + b


def u8_with_i16(a: np.uint8, b: np.int16):
    """uint8 with int16."""
    return a - b, a * b


def i32_with_f32(a: np.int32, b: np.float32):
    """int32 with float32 promotes to float64."""
    return a + b, a * b


def u8_with_f32(a: np.uint8, b: np.float32):
    """uint8 with float32 stays float32."""
    return a + b, a * b


def f32_round(a: np.float32):
    """round of float32 with ndigits."""
    return round(a, 2), round(a, 0)


def i32_compare_chain(a: np.int32, b: np.int32, c: int) -> bool:
    """Chained comparisons of mixed int types."""
    return a < b <= c


def i32_minmax(a: np.int32, b: np.int32):
    """min/max of int32."""
    return min(a, b), max(a, b)


def f32_minmax(a: np.float32, b: np.float32):
    """min/max of float32 with nan."""
    return min(a, b), max(a, b)


def f32_pow(a: np.float32):
    """float32 ** 2."""
    return a ** 2


def i16_int(a: np.int16) -> int:
    """int() of int16."""
    return int(a) * 100000


def f32_bool(a: np.float32) -> bool:
    """Truthiness of float32."""
    return bool(a) and not (a > 1)


def u8_loop(a: np.uint8, n: int) -> np.uint8:
    """Repeated uint8 addition wraps."""
    n = min(max(n, 0), 600)
    s: np.uint8 = np.uint8(0)
    for _ in range(n):
        s = s + a
    return s


def f32_round_ties(a: np.float32, n: int) -> np.float32:
    """numpy rounds float32 via x * 10**n in float64, rint in float32, and back."""
    n = min(max(n, -45), 45)
    return round(a, n)


def int_round_neg(a: np.int16, b: np.uint8, c: np.int32, n: int):
    """round(int, negative n) of sized ints: numpy goes through float64 and casts back."""
    n = min(max(n, -12), 2)
    return round(a, n), round(b, n), round(c, n)
