"""Adversarial kernels: evaluation order and exception order."""

import math


def _fa(a: int) -> int:
    """Raises ValueError for negative a."""
    if a < 0:
        raise ValueError("fa negative")
    return a + 1


def _fb(b: int) -> int:
    """Raises IndexError for b divisible by 3."""
    if b % 3 == 0:
        raise IndexError("fb multiple of three")
    return b * 2


def order_add(a: int, b: int) -> int:
    """_fa(a) + _fb(b): the left operand's exception wins."""
    return _fa(a) + _fb(b)


def order_sub_rev(a: int, b: int) -> int:
    """_fb(b) - _fa(a): now the other one is first."""
    return _fb(b) - _fa(a)


def order_floordiv_call(x: int, y: int, z: int) -> int:
    """x // y + _fa(z): ZeroDivisionError before _fa's ValueError."""
    return x // y + _fa(z)


def order_call_floordiv(x: int, y: int, z: int) -> int:
    """_fa(z) + x // y: _fa's ValueError before the division."""
    return _fa(z) + x // y


def _pair(a: int, b: int) -> int:
    """a * 1000 + b."""
    return a * 1000 + b


def order_kwargs(a: int, b: int) -> int:
    """Keyword arguments are evaluated in written order, not parameter order."""
    return _pair(b=_fb(b), a=_fa(a))


def order_kwargs2(a: int, b: int) -> int:
    """Positional then keyword out of order."""
    return _pair(_fa(a), b=_fb(b))


def _defaults(a: int, b: int = 7, c: int = -3) -> int:
    """Combines with defaults."""
    return a * 100 + b * 10 + c


def order_defaults(a: int, b: int) -> int:
    """Defaults mixed with keywords."""
    return _defaults(a) + _defaults(a, c=b) + _defaults(c=a, a=b) + _defaults(a, b, b)


def _mid(b: int) -> int:
    """Raises for b == 0, else returns b."""
    if b == 0:
        raise ZeroDivisionError("mid zero")
    return b


def chain_mid(a: int, b: int, c: int) -> bool:
    """a < _mid(b) < c evaluates the middle once and raises only if reached."""
    return a < _mid(b) < c


def chain_short(a: int, b: int, c: int) -> bool:
    """a > b > c // a: the division is skipped when a <= b."""
    return a > b > c // a


def chain_long(a: int, b: int, c: int) -> bool:
    """Four-operand chain with mixed operators and a raising tail."""
    return a <= b != c < 100 // (a - b)


def and_raise(a: int, b: int) -> bool:
    """a != 0 and b // a > 1 never divides by zero."""
    return a != 0 and b // a > 1


def or_raise(a: int, b: int) -> bool:
    """a == 0 or b % a == 1."""
    return a == 0 or b % a == 1


def not_and_or(a: int, b: int) -> int:
    """Operand-returning and/or on ints with raising right-hand sides."""
    return (a and b // a) or (b and a % b) or 17


def ifexp_untaken(a: float, b: float) -> float:
    """The untaken arm would raise."""
    return a / b if b != 0.0 else (b / a if a != 0.0 else -1.0)


def augassign_order(a: int, b: int) -> int:
    """x += _fa(b) where x's read happens before the call in Python."""
    x = a
    x += _fa(b)
    x -= x // 3
    x *= -1
    x //= 7
    x %= 11
    return x


def nested_calls(a: int, b: int, c: int) -> int:
    """Nested calls: inner-left first, then inner-right, then the operator."""
    return _pair(_fa(a) // _fb(b), _fa(c) % _fb(c + 1))


def tuple_eval(a: int, b: int):
    """Tuple results evaluate left to right."""
    return _fa(a), _fb(b)


def tuple_swap(a: int, b: int, n: int):
    """Repeated tuple assignment swaps use the old values."""
    n = min(max(n, 0), 50)
    for _ in range(n):
        a, b = b, a - b
    return a, b


def div_then_mod(a: int, b: int) -> int:
    """a % b with b zero raises the modulo message; checked before the // on the right."""
    return a % b + a // b


def float_div_order(a: float, b: float) -> float:
    """Float modulo error precedes float floor-division error."""
    return a % b + a // b


def power_order(a: int, b: int) -> float:
    """0.0 ** negative raises; checked after evaluating the left call."""
    return float(_fa(a)) ** -1 + float(b) ** -2


def assert_order(a: int, b: int) -> int:
    """Assertion message only; the condition raises first when b is 0."""
    assert a // b >= -1000000, "too small"
    return a // b


def compare_chain_float(x: float, y: float, z: float) -> bool:
    """Chains with nan in the middle."""
    return x < y < z or x >= y >= z


def sqrt_order(x: float, y: float) -> float:
    """math.sqrt domain error vs division by zero order."""
    return math.sqrt(x) / y
