"""Control flow lowering: loops, flags, induction variables, short-circuits."""


def read_after(n: int) -> int:
    """i is read after the loop: a hidden induction variable."""
    i = -1
    for i in range(n):
        pass
    return i


def assigned_in_body(n: int) -> int:
    """i is assigned in the body: a hidden induction variable."""
    s = 0
    for i in range(n):
        i = i * 2
        s += i
    return s


def nested_reuse(n: int) -> int:
    """The inner loop reuses i."""
    s = 0
    for i in range(n):
        for i in range(i):
            s += i
        s += i
    return s


def bounds(n: int, step: int) -> int:
    """Stop assigned in the body and a variable step."""
    s = 0
    for k in range(n, 0, step):
        n = n - 1
        s += k
    for k in range(0, n, 0):
        s += 1
    return s


def for_else(n: int) -> int:
    """for-else with a break."""
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return -1
    return d


def while_cond_checks(a: int, b: int) -> int:
    """The while condition needs a check; while-else without break."""
    n = 0
    while a // b > n:
        n += 1
        if n > 100:
            continue
    else:
        n = -n
    return n


def while_true(n: int) -> int:
    """while True loops until break."""
    k = 0
    while True:
        k += 1
        if k >= n:
            break
    return k


def shortcircuit(a: int, b: int, x: float, y: float) -> bool:
    """and/or with checks on the right, chained comparisons."""
    p = b != 0 and a % b == 0 or a < b
    q = 0 < a // b < 10 < a
    r = x < y * 2.0 < 3.0
    return p or q and r


def cond_expr(a: int, x: float) -> float:
    """Conditional expressions always use an If and a temporary."""
    return x if a > 0 else a // 2


def asserts(x: float) -> float:
    """assert with and without a message."""
    assert x > 0, "x must be positive"
    assert x < 10
    return x
