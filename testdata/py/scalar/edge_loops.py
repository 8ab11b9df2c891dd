"""Adversarial kernels: loop variables, bounds, nested break/continue, for-else, while-else."""


def loopvar_after(n: int) -> int:
    """The loop variable keeps its last value after the loop."""
    n = min(max(n, -5), 1000)
    i = -99
    for i in range(n):
        pass
    return i


def loopvar_after_step(a: int, b: int) -> int:
    """Last value with a step of 7 and arbitrary bounds."""
    a = min(max(a, -1000), 1000)
    b = min(max(b, -1000), 1000)
    k = 12345
    for k in range(a, b, 7):
        pass
    return k


def loopvar_after_neg(a: int, b: int) -> int:
    """Last value with a negative step."""
    a = min(max(a, -1000), 1000)
    b = min(max(b, -1000), 1000)
    k = 0
    for k in range(a, b, -3):
        pass
    return k


def loopvar_reassigned(n: int) -> int:
    """Reassigning the loop variable does not change the iteration."""
    n = min(max(n, 0), 100)
    s = 0
    i = 0
    for i in range(n):
        s += i
        i = i * 10
        s += i
    return s * 1000 + i


def loopvar_reassigned_break(n: int) -> int:
    """Reassigned loop variable then break: the reassigned value survives."""
    n = min(max(n, 0), 100)
    i = -1
    for i in range(n):
        i += 100
        if i > 150:
            break
    return i


def range_bound_changed(n: int) -> int:
    """range(n) evaluates n once; changing n in the body does not matter."""
    n = min(max(n, 0), 100)
    c = 0
    for i in range(n):
        n = n + 1
        c += 1
    return c * 1000 + n


def range_step_changed(a: int, s: int) -> int:
    """Step variable changed inside the body."""
    a = min(max(a, 0), 200)
    s = min(max(s, 1), 9)
    c = 0
    for i in range(0, a, s):
        s = s + 1
        c += i
    return c


def big_step(a: int, b: int, s: int) -> int:
    """Large and negative steps near the bounds of the clamp."""
    a = min(max(a, -1000000), 1000000)
    b = min(max(b, -1000000), 1000000)
    if s == 0:
        s = 1
    s = min(max(s, -1000000000000), 1000000000000)
    c = 0
    last = 0
    for i in range(a, b, s):
        c += 1
        last = i
        if c > 3000:
            break
    return c * 10000000 + last


def range_huge_start(k: int) -> int:
    """Loops starting near 2**62 without overflowing."""
    k = min(max(k, 0), 50)
    base = 2 ** 62
    s = 0
    for i in range(base, base + k):
        s += i - base
    return s


def range_neg_huge(k: int) -> int:
    """Negative step from near -2**62."""
    k = min(max(k, 0), 50)
    base = -(2 ** 62)
    s = 0
    j = 0
    for j in range(base, base - k, -1):
        s += base - j
    return s + (j - base)


def nested_break(n: int, m: int) -> int:
    """Break in the inner loop only leaves the inner loop."""
    n = min(max(n, 0), 30)
    m = min(max(m, 0), 30)
    c = 0
    for i in range(n):
        for j in range(m):
            if j > i:
                break
            c += j
        c += 100
    return c


def nested_continue_else(n: int, m: int) -> int:
    """for-else in a nested loop with continue and break."""
    n = min(max(n, 0), 30)
    m = min(max(m, 1), 30)
    c = 0
    for i in range(n):
        for j in range(2, m):
            if j * j > i:
                continue
            if i % j == 0:
                break
        else:
            c += i
            continue
        c -= 1
    return c


def for_else_empty(n: int) -> int:
    """An empty for loop still runs its else."""
    r = 0
    for i in range(n, n):
        r = 5
    else:
        r += 1
    return r


def for_else_break(n: int) -> int:
    """Else skipped after break, loop variable read after."""
    n = min(max(n, 0), 100)
    i = -1
    found = 0
    for i in range(n):
        if i * i > n:
            break
    else:
        found = 1
    return found * 1000 + i


def while_else(n: int) -> int:
    """while-else: the else runs when the condition turns false."""
    n = min(max(n, 0), 1000)
    i = 0
    r = 0
    while i < n:
        i += 3
        if i == 30:
            break
    else:
        r = 1
    return r * 10000 + i


def while_cond_raises(a: int, b: int) -> int:
    """The condition divides by a value that reaches zero after some iterations."""
    a = min(max(a, -20), 20)
    b = min(max(b, -100), 100)
    c = 0
    while b // a > 0:
        a -= 1
        c += 1
        if c > 100:
            break
    return c


def while_nested_return(n: int) -> int:
    """Return from inside nested loops."""
    n = min(max(n, 0), 50)
    i = 0
    while True:
        for j in range(i):
            for k in range(j):
                if i * j * k > n:
                    return i * 10000 + j * 100 + k
        i += 1
        if i > 60:
            return -1


def for_return_in_else(n: int) -> int:
    """Return from a for-else."""
    n = min(max(n, 0), 20)
    for i in range(n):
        if i == 13:
            return i
    else:
        return -n
    return 99


def count_down_inclusive(n: int) -> int:
    """range(n, -1, -1) with a sum."""
    n = min(max(n, -10), 1000)
    s = 0
    for i in range(n, -1, -1):
        s = s * 3 % 1000003 + i
    return s


def range_one_arg_neg(n: int) -> int:
    """range of a negative single argument is empty."""
    n = min(max(n, -1000), 1000)
    c = 7
    for c in range(n):
        c += 1
    return c


def while_else_continue(n: int) -> int:
    """continue in a while with else."""
    n = min(max(n, 0), 200)
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        s += i
    else:
        s = -s
    return s


def loop_var_shadow_param(i: int) -> int:
    """The loop variable is a parameter; an empty loop keeps the argument."""
    i2 = min(max(i, -10), 10)
    for i in range(i2, 3):
        pass
    return i


def loop_float_accum(n: int, x: float) -> float:
    """Float accumulation order in a loop."""
    n = min(max(n, 0), 100)
    s = 0.0
    for k in range(n):
        s += x / (k + 1)
        s -= x * 0.5
    return s


def nested_loopvar_after(n: int) -> int:
    """Inner loop variable after the nest, inner may not run on the last outer iteration."""
    n = min(max(n, 0), 20)
    j = -7
    for i in range(n):
        for j in range(i % 4):
            pass
    return j
