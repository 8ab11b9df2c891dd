"""Adversarial kernels: numeric edges of int, float, bool and complex arithmetic."""

import math

BIG = 2 ** 40
NEG = -17
TWO_PI = 2 * math.pi
HALF = 1 / 2
MASK = (1 << 62) - 1 + (1 << 62)


def near_limits(a: int) -> int:
    """2**62 from a computation, plus values staying in range."""
    x = 2 ** 62
    y = x - 1 + x
    a = min(max(a, 0), 1000)
    return y - a * 1000 + (MASK - y)


def floordiv_signs(a: int, b: int) -> int:
    """Floor division for every sign combination."""
    return a // b + (-a) // b * 3 + a // (-b) * 5 + (-a) // (-b) * 7


def mod_signs(a: int, b: int) -> int:
    """Modulo for every sign combination."""
    return a % b + (-a) % b * 3 + a % (-b) * 5 + (-a) % (-b) * 7


def div_minus_one(a: int):
    """Division by -1 of values adjacent to the int64 minimum."""
    x = -(2 ** 62) * 2 + 1
    return x // -1, x % -1, a // -1, a % -1


def minint_mod(a: int) -> int:
    """-2**63 built without overflow, modulo and floor division by various divisors."""
    x = -(2 ** 62) - 2 ** 62
    if a == 0:
        a = 1
    return x % a + x // (abs(a) + 2) + x % -1


def minint_div_neg1(a: int) -> int:
    """-2**63 % -1 and -2**63 // 2."""
    x = -(2 ** 62) - 2 ** 62
    return x % -1 + x // 2 + x // (2 ** 62)


def float_floordiv(a: float, b: float) -> float:
    """Float floor division with signed zeros, inf and nan."""
    return a // b


def float_mod(a: float, b: float) -> float:
    """Float modulo."""
    return a % b


def float_divmod(a: float, b: float):
    """divmod of floats."""
    return divmod(a, b)


def int_divmod(a: int, b: int):
    """divmod of ints."""
    return divmod(a, b)


def mixed_divmod(a: int, b: float):
    """divmod of int and float."""
    return divmod(a, b)


def round_ties(x: float) -> int:
    """round() to int with ties to even."""
    if math.isinf(x) or math.isnan(x) or abs(x) > 1e15:
        return 0
    return round(x) + round(x + 0.5) * 3 + round(x * 0.5)


def round_ndigits(x: float, n: int) -> float:
    """round(x, n) with n from -20 to 20."""
    n = min(max(n, -20), 20)
    return round(x, n)


def round_int_ndigits(a: int, n: int) -> int:
    """round(int, negative n)."""
    n = min(max(n, -8), 3)
    return round(a, n)


def round_literal_ties() -> float:
    """Exact ties and near ties."""
    return round(2.5) + round(-2.5) + round(0.125, 2) + round(2.675, 2) + round(-0.5) + round(1.5)


def round_neg_zero(x: float) -> float:
    """round(-0.4, 0) is -0.0."""
    return round(x * 0.0 - 0.4, 0)


def int_of_float(x: float) -> int:
    """int() of floats up to the int64 limit; inf and nan raise."""
    if abs(x) >= 2.0 ** 63 and not math.isinf(x):
        return -1
    return int(x)


def int_of_float_small(x: float) -> int:
    """int() of floats in range."""
    if math.isnan(x) or math.isinf(x) or abs(x) > 1e18:
        return -1
    return int(x) + int(-x)


def abs_zero(x: float) -> float:
    """abs(-0.0) is 0.0, copysign keeps sign."""
    return math.copysign(1.0, abs(x * -0.0))


def min_max_nan(a: float, b: float):
    """min/max with nan and signed zeros in both orders."""
    return min(a, b), min(b, a), max(a, b), max(b, a)


def min_max_three(a: float, b: float, c: float):
    """min/max of three args."""
    return min(a, b, c), max(a, b, c), min(c, a, b), max(c, b, a)


def min_max_zero(a: float):
    """min/max with signed zeros literal."""
    return min(0.0, -0.0), min(-0.0, 0.0), max(0.0, -0.0), max(-0.0, 0.0), min(a, 0.0, -0.0)


def min_int_float(a: int, b: float) -> float:
    """min of int and float (documented: float result)."""
    return min(a, b) + max(b, a)


def math_fmod(a: float, b: float) -> float:
    """math.fmod with edge inputs."""
    if b == 0.0 or math.isinf(a):
        return -1.0
    return math.fmod(a, b)


def math_copysign(a: float, b: float) -> float:
    """copysign incl. nan sign."""
    return math.copysign(a, b)


def math_floor_ceil(x: float):
    """floor/ceil/trunc of floats; inf and nan raise."""
    if abs(x) >= 2.0 ** 62 and not math.isinf(x):
        return 0, 0, 0
    return math.floor(x), math.ceil(x), math.trunc(x)


def math_floor_int(a: int):
    """floor/ceil/trunc of ints."""
    return math.floor(a), math.ceil(a), math.trunc(a)


def math_isclose(a: float, b: float) -> bool:
    """isclose with default and explicit tolerances."""
    return math.isclose(a, b) or math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-6)


def math_gcd(a: int, b: int) -> int:
    """gcd with signs and zero."""
    return math.gcd(a, b) + math.gcd(-a, 0) + math.gcd(0, 0)


def math_factorial(n: int) -> int:
    """factorial with n clamped to [-2, 20]."""
    n = min(max(n, -2), 20)
    return math.factorial(n)


def bool_arith(p: bool, q: bool) -> int:
    """True + True, -True, ~True."""
    return (p + q) * 100 + (-p) * 10 + (~q) + (p * q) + (p - q) * 1000


def bool_bitwise(p: bool, q: bool):
    """bool & | ^ stay bool."""
    return p & q, p | q, p ^ q, not p


def bool_div(p: bool, q: bool) -> float:
    """Division of bools."""
    return p / q


def bool_floordiv(p: bool, q: bool) -> int:
    """Floor division of bools."""
    return p // q + p % q


def mixed_compare(a: int, b: float):
    """Mixed int/float comparisons."""
    return a < b, a == b, a >= b, b != a


def mixed_compare_big(a: int) -> bool:
    """Comparisons of large ints with floats."""
    x = 2 ** 53 + 1
    return x == float(x) or (x > 9007199254740992.0) or a == 0.5


def pow_literal(a: int, x: float):
    """** with literal exponents."""
    a = min(max(a, -1000), 1000)
    return a ** 2, a ** 0, a ** 1, x ** 2, x ** 0.5 if x >= 0 else x ** 3, 2 ** -2


def pow_var(a: int, n: int) -> int:
    """** with non-literal exponent in range."""
    a = min(max(a, -10), 10)
    n = min(max(n, 0), 15)
    return a ** n


def pow_float_var(x: float, y: float) -> float:
    """Float ** float for a non-negative base or an integral exponent."""
    if x < 0.0 and not math.isinf(y) and math.fmod(y, 1.0) != 0.0:
        return 0.0
    return x ** y


def pow_zero_neg(x: float) -> float:
    """0.0 ** -1 raises; (-0.0) ** -1 too."""
    return (x * 0.0) ** -1


def pow_int_neg_literal(a: int) -> float:
    """int ** negative literal is float; 0 ** -1 raises."""
    return a ** -1


def pow_three_arg(a: int, b: int, m: int) -> int:
    """pow(a, b, m) with b non-negative and small modulus."""
    b = min(max(b, 0), 1000)
    m = min(max(m, -1000), 1000)
    if m == 0:
        m = 7
    return pow(a, b, m)


def complex_div(a: complex, b: complex) -> complex:
    """Complex division including division by complex zero."""
    return a / b


def complex_abs(a: complex) -> float:
    """abs(complex) with inf and nan parts."""
    return abs(a)


def complex_parts(a: complex):
    """real, imag and conjugate."""
    return a.real, a.imag, a.conjugate()


def complex_pow(a: complex, n: int) -> complex:
    """Complex ** small int exponents."""
    n = min(max(n, -3), 5)
    if abs(a) < 1e-100:
        return a
    return a ** n


def complex_pow_literal(a: complex) -> complex:
    """Complex ** literal exponents."""
    return a ** 2 + a ** 3


def complex_mixed(a: complex, x: float, k: int) -> complex:
    """Complex with float and int operands."""
    return a * x + k - a / 2 + (k + 0j)


def complex_eq(a: complex, b: complex) -> bool:
    """Complex equality."""
    return a == b or a != a


def module_consts(x: float) -> float:
    """Module constants incl. negative and computed."""
    return x * TWO_PI + BIG + NEG + HALF


def true_div_ints(a: int, b: int) -> float:
    """int / int correctly rounded."""
    return a / b


def true_div_big(a: int) -> float:
    """Correctly rounded division of large ints."""
    x = 2 ** 60 + 1
    return x / 3 + x / (a if a != 0 else 7)


def shifts(a: int, s: int) -> int:
    """Shifts with clamped counts incl. large right shifts."""
    a = min(max(a, -1000000), 1000000)
    s = min(max(s, -2), 100)
    return (a >> s) + (a << min(s, 20))


def invert_neg(a: int) -> int:
    """~ and unary minus."""
    return ~a + -(~a) + ~~a + -(-a)
