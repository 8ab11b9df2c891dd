"""Operators: checks, conversions and evaluation order."""


def f(x: int) -> int:
    """Raises for negative x."""
    if x < 0:
        raise ValueError("negative")
    return x * 2


def g(x: float) -> float:
    """Never raises: a call expression."""
    return x + 1.0


def order(x: int, a: int, b: int) -> int:
    """f(x) must raise before the zero check of a // b."""
    return f(x) + a // b


def order_pure(x: float, a: int, b: int) -> float:
    """g(x) is an expression call, evaluated before the check: spilled."""
    return g(x) + a // b


def divs(a: int, b: int, x: float, y: float) -> float:
    """Every division flavour."""
    return a / b + x / y + a // 2 + a % b + x // y + x % y + (a + 1) // (b - 1)


def powers(a: int, n: int, x: float, y: float) -> float:
    """Every ** flavour."""
    return a ** 2 + a ** n + a ** -1 + x ** 2 + x ** 0.5 + x ** y + x ** -2 + pow(x, 3)


def shifts(a: int, s: int) -> int:
    """Shift counts are checked; bitwise ops are plain."""
    return (a << s) | (a >> 3) & ~a ^ 5


def mixed(flag: bool, n: int, x: float, z: complex) -> complex:
    """bool -> int -> float -> complex promotions."""
    return flag + n * x + z * flag - (-n) + (+x)


def truthy(n: int, x: float, z: complex) -> int:
    """Truth values of numbers."""
    c = 0
    if n:
        c += 1
    if not x:
        c += 2
    if bool(z) and n > 0:
        c += 4
    return c


def aug(n: int, x: float) -> float:
    """Augmented assignments convert to the local's type."""
    x += n
    x *= 2
    n //= 3
    n **= 2
    x /= n
    return x


def swap(a: int, b: int) -> int:
    """Tuple assignment evaluates the right side first."""
    while b != 0:
        a, b = b, a % b
    c = d = a * 2
    return c + d
