"""Python floor division and modulo semantics for int and float, incl. signed zeros."""

import math

CHECK_MOD = 1000003


def floordiv(a: int, b: int) -> int:
    """Integer floor division (rounds toward negative infinity)."""
    return a // b


def mod(a: int, b: int) -> int:
    """Integer modulo; the result takes the sign of the divisor."""
    return a % b


def fdiv(x: float, y: float) -> float:
    """Float floor division x // y."""
    return x // y


def fmod_py(x: float, y: float) -> float:
    """Float modulo x % y with Python sign-of-divisor semantics."""
    return x % y


def divmod_int(a: int, b: int):
    """Tuple (a // b, a % b) via builtin divmod on ints."""
    return divmod(a, b)


def divmod_float(x: float, y: float):
    """Tuple (x // y, x % y) via builtin divmod on floats."""
    return divmod(x, y)


def mod_vs_fmod(x: float, y: float):
    """Compare Python % (sign of divisor) with math.fmod (sign of dividend)."""
    return x % y, math.fmod(x, y)


def sign_combos_int(a: int, b: int) -> int:
    """Checksum of //, % over all four sign combinations of (|a|, |b|)."""
    a = abs(a)
    b = abs(b)
    acc = 0
    acc = (acc * 31 + a // b) % CHECK_MOD
    acc = (acc * 31 + (-a) // b) % CHECK_MOD
    acc = (acc * 31 + a // (-b)) % CHECK_MOD
    acc = (acc * 31 + (-a) // (-b)) % CHECK_MOD
    acc = (acc * 31 + a % b) % CHECK_MOD
    acc = (acc * 31 + (-a) % b) % CHECK_MOD
    acc = (acc * 31 + a % (-b)) % CHECK_MOD
    acc = (acc * 31 + (-a) % (-b)) % CHECK_MOD
    return acc


def sign_combos_float(x: float, y: float) -> float:
    """Weighted sum of //, % over all four sign combinations of (|x|, |y|)."""
    x = abs(x)
    y = abs(y)
    s = x // y + 2.0 * ((-x) // y) + 3.0 * (x // (-y)) + 4.0 * ((-x) // (-y))
    s += 5.0 * (x % y) + 6.0 * ((-x) % y) + 7.0 * (x % (-y)) + 8.0 * ((-x) % (-y))
    return s


def int_table_checksum(lo: int, hi: int) -> int:
    """Checksum of a // b and a % b for a in [lo, hi) (clamped to [-50, 50]) and b in [-7, 7] minus 0."""
    lo = max(-50, min(lo, 50))
    hi = max(-50, min(hi, 50))
    acc = 0
    for a in range(lo, hi):
        for b in range(-7, 8):
            if b == 0:
                continue
            q, r = divmod(a, b)
            acc = (acc * 131 + (a // b) * 7 + (a % b)) % CHECK_MOD
            acc = (acc + q * b + r - a) % CHECK_MOD
    return acc


def float_table_sum(lo: int, hi: int) -> float:
    """Sum of x // y and x % y over x = a * 0.75, y = b * 0.5 with a in [lo, hi) (clamped) and b != 0."""
    lo = max(-40, min(lo, 40))
    hi = max(-40, min(hi, 40))
    s = 0.0
    for a in range(lo, hi):
        x = a * 0.75
        for b in range(-6, 7):
            if b == 0:
                continue
            y = b * 0.5
            s += (x // y) * 0.001 + (x % y)
    return s


def descending_mod_sum(n: int) -> int:
    """Sum of k % 7 - k // 5 for k from n down to -n (step -3), |n| clamped to 1000."""
    n = min(abs(n), 1000)
    s = 0
    for k in range(n, -n - 1, -3):
        s += k % 7 - k // 5
    return s


def neg_zero_floordiv(x: float) -> float:
    """copysign(1, -0.0 * x // 1.0): exposes the sign of a zero floor quotient."""
    z = -0.0 * x
    return math.copysign(1.0, z // 1.0)


def zero_mod_sign(y: float) -> float:
    """Sign (+1.0/-1.0) of 0.0 % y: Python gives a zero with the divisor's sign."""
    return math.copysign(1.0, 0.0 % y)


def neg_zero_mod_sign(y: float) -> float:
    """Sign (+1.0/-1.0) of -0.0 % y."""
    return math.copysign(1.0, -0.0 % y)


def exact_multiple_mod(y: float) -> float:
    """(3.0 * y) % y and (-3.0 * y) % y, both zeros signed like y, combined as signs."""
    a = (3.0 * y) % y
    b = (-3.0 * y) % y
    return math.copysign(1.0, a) + 2.0 * math.copysign(1.0, b)


def fmod_sign(x: float, y: float) -> float:
    """copysign(1, math.fmod(x, y)): fmod keeps the sign of the dividend, even for zero."""
    return math.copysign(1.0, math.fmod(x, y))
