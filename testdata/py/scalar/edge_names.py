"""Adversarial kernels: names that collide with Go keywords, predeclared identifiers and packages."""

import math

len = 3
string = 2.5
nil = -1


def type(type: int, len: int) -> int:
    """A function named type with parameters named type and len."""
    return type * 10 + len


def func(go: int, map: int, chan: int) -> int:
    """Go keywords as parameter names."""
    select = go + map
    default = select * chan
    case = default - go
    switch = case % 7 if chan != 0 else case
    return switch


def var(const: float, package: float) -> float:
    """More Go keywords."""
    import_ = const * package
    iota = 2.0
    return import_ + iota


def go(defer: int, fallthrough: int) -> int:
    """Function named go."""
    goto = defer - fallthrough
    struct = goto * 2
    interface = struct + 1
    return interface


def uses_shadow_math(math: float) -> float:
    """A parameter named math in a function that does not use the math module."""
    return math * 2.0 + 1.0


def runtime(errors: int, err: int) -> int:
    """runtime, errors and err as names."""
    fmt = errors + err
    os = fmt * 3
    return os - errors


def temporaries(t1: int, t2: int, t0: int) -> int:
    """Names like compiler temporaries."""
    t3 = t1 // (t2 if t2 != 0 else 1)
    tmp = t3 + t0
    _t1 = tmp * 2
    return _t1 + t1 // 3 + (t0 % 5)


def dot_product(a: float, b: float) -> float:
    """Snake case name."""
    return a * b


def dotProduct(a: float, b: float) -> float:
    """Camel case name differing only by case/underscore."""
    return a * b + 1.0


def DotProduct(a: float, b: float) -> float:
    """Exported-style name."""
    return dot_product(a, b) + dotProduct(a, b)


def uses_module_names(x: float) -> float:
    """Uses module-level constants named len/string/nil."""
    return x * len + string + nil


def underscore(_: int, __: int) -> int:
    """Parameters named _ and __."""
    return _ * 2 + __


def loop_underscore(n: int) -> int:
    """The loop variable _ is read after the loop."""
    n = min(max(n, 0), 100)
    _ = -5
    for _ in range(n):
        pass
    return _


def is_even(n: int) -> bool:
    """Mutual recursion, clamped."""
    n = min(abs(n), 500)
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    """Mutual recursion partner defined after its caller."""
    if n == 0:
        return False
    return is_even(n - 1)


def later_caller(x: int) -> int:
    """Calls a function defined later."""
    return defined_later(x, k=3)


def defined_later(x: int, k: int = 1) -> int:
    """Defined after its caller."""
    return x * k


def fib_rec(n: int) -> int:
    """Naive recursion clamped to 20."""
    n = min(max(n, 0), 20)
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


def main(int_: int) -> int:
    """A function named main."""
    return int_ + 1


def init(x: int) -> int:
    """A function named init (special in Go)."""
    return x * 2


def string_(x: float) -> float:
    """A function whose name ends in underscore."""
    return x + string


def Type(x: int) -> int:
    """Differs from type only by case."""
    return type(x, 1) + 1


def true_false(true: int, false: int) -> int:
    """Go predeclared true/false as names."""
    return true - false


def append(copy: int, cap: int, make: int, new: int) -> int:
    """Go builtins as names."""
    panic = copy + cap
    recover = make * new
    close = panic - recover
    delete = close + 1
    return delete


def float64(int64: float, complex128: float) -> float:
    """Go type names as names."""
    error = int64 + complex128
    uintptr = error * 2.0
    rune = uintptr - 1.0
    byte = rune * 0.5
    return byte


def pyrt(x: int) -> int:
    """Names that might collide with runtime package aliases."""
    rt = x + 1
    pyc2go = rt * 2
    return pyc2go


def use_math_after(x: float) -> float:
    """Uses the math module (not shadowed here) after other functions shadowed it."""
    return math.floor(x) if abs(x) < 1e15 else 0.0
