"""Adversarial kernels: math module and ** corner cases (domain errors, infinities, signed zeros)."""

import math
import numpy as np


def pow_special(x: float, y: float) -> float:
    """float ** float over special values; negative finite bases with fractional exponents skipped."""
    if x < 0.0 and not math.isinf(x) and not math.isinf(y) and math.fmod(y, 1.0) != 0.0:
        return 0.0
    return x ** y


def pow_inf_base(y: float) -> float:
    """(-inf) ** y never goes complex; (-1.0) ** y only for integral or infinite y."""
    if not math.isinf(y) and math.fmod(y, 1.0) != 0.0:
        return (-math.inf) ** y
    return (-math.inf) ** y + (-1.0) ** y


def pow_zero_base(y: float) -> float:
    """0.0 ** y and (-0.0) ** y incl. -inf (ZeroDivisionError)."""
    return 0.0 ** y - (-0.0) ** y


def int_pow_float(a: int, y: float) -> float:
    """int ** float."""
    if a < 0 and not math.isinf(y) and math.fmod(y, 1.0) != 0.0:
        return 0.0
    return a ** y


def math_pow_special(x: float, y: float) -> float:
    """math.pow raises ValueError where ** would go complex."""
    return math.pow(x, y)


def sqrt_signed(x: float) -> float:
    """sqrt(-0.0) is -0.0; sqrt(-tiny) raises."""
    return math.sqrt(x)


def log_base(x: float, b: float) -> float:
    """math.log with a base: log(x) / log(b) (base 1 divides by zero)."""
    return math.log(x, b)


def log_variants(x: float):
    """log2, log10, log1p at their domain edges."""
    return math.log2(x), math.log10(x), math.log1p(x)


def log_int(a: int) -> float:
    """math.log of an int."""
    return math.log(a) + math.log2(a) + math.log10(a)


def exp_variants(x: float):
    """exp, exp2, expm1 overflow and underflow."""
    return math.exp(x), math.exp2(x), math.expm1(x)


def hyperbolic(x: float):
    """sinh, cosh, tanh, asinh."""
    return math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x)


def inverse_hyperbolic(x: float):
    """acosh and atanh at domain edges."""
    return math.acosh(x), math.atanh(x)


def inverse_trig(x: float):
    """asin, acos of out-of-domain values."""
    return math.asin(x), math.acos(x), math.atan(x)


def trig_inf(x: float):
    """sin/cos/tan of inf raise ValueError."""
    return math.sin(x), math.cos(x), math.tan(x)


def gamma_edges(x: float):
    """gamma and lgamma at poles and overflow."""
    return math.gamma(x), math.lgamma(x)


def gamma_ints(n: int):
    """gamma at non-positive integers raises; lgamma too."""
    n = min(max(n, -5), 170)
    return math.gamma(n), math.lgamma(n)


def erf_edges(x: float):
    """erf and erfc never raise."""
    return math.erf(x), math.erfc(x)


def hypot_special(x: float, y: float) -> float:
    """hypot with inf beats nan."""
    return math.hypot(x, y)


def degrees_radians(x: float):
    """degrees/radians overflow to inf without raising."""
    return math.degrees(x), math.radians(x)


def cbrt_signed(x: float) -> float:
    """cbrt of negatives and signed zero."""
    return math.cbrt(x)


def fmod_edges(x: float, y: float) -> float:
    """fmod raises for y == 0 or infinite x."""
    return math.fmod(x, y)


def isclose_neg_tol(a: float, t: float) -> bool:
    """isclose raises for negative tolerances."""
    return math.isclose(a, 1.0, rel_tol=t)


def floor_ceil_neg_zero(x: float):
    """floor/ceil of small magnitudes return ints (no signed zero)."""
    if abs(x) > 1e15 or math.isnan(x):
        return 0, 0
    return math.floor(x * 1e-300), math.ceil(-abs(x) * 1e-300)


def copysign_ints(a: int, b: int) -> float:
    """copysign with ints and zero."""
    return math.copysign(a, b) + math.copysign(0, -b)


def factorial_bool(p: bool, n: int) -> int:
    """factorial of a bool and of a clamped int."""
    n = min(max(n, 0), 20)
    return math.factorial(p) + math.factorial(n) % 1000003


def gcd_three(a: int, b: int, c: int) -> int:
    """gcd of gcds with zero and negatives."""
    return math.gcd(math.gcd(a, b), c) + math.gcd(a, 0) + math.gcd(0, -b)


def isqrt_edges(n: int) -> int:
    """math.isqrt of non-negative ints, ValueError for negatives."""
    return math.isqrt(n)


def trunc_floor_float32(a: np.float32):
    """floor/ceil of float32 return ints (math.trunc of a numpy scalar is a TypeError), int() truncates."""
    if math.isnan(a) or math.isinf(a):
        return 0, 0, 0
    return math.floor(a), math.ceil(a), int(a)


def f32_math(a: np.float32) -> float:
    """math.sqrt of a float32 is a Python float."""
    if a < 0:
        return 0.0
    return math.sqrt(a) + math.fabs(a)


def atan2_special(y: float, x: float) -> float:
    """atan2 with signed zeros and infinities."""
    if math.isfinite(x) and math.isfinite(y) and x != 0.0 and y != 0.0:
        return 0.0
    return math.atan2(y, x)


def nan_compare(x: float):
    """Every comparison with nan is False except !=."""
    n = math.nan
    return x < n, x == n, x != n, n >= x, not (x <= n)


def inf_arith(x: float):
    """inf - inf, inf * 0 give nan; 1 / inf is 0."""
    i = math.inf
    return i - i, i * 0.0, 1.0 / i, -1.0 / i, x * i
