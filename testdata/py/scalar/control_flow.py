"""Control flow: while-else, for-else, break/continue, chained comparisons, short-circuit."""


def smallest_factor(n: int) -> int:
    """Smallest factor > 1 of |n| (|n| itself when prime) using for-else with break."""
    n = abs(n)
    if n < 2:
        return n
    f = n
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            f = d
            break
    else:
        f = n
    return f


def first_square_above(n: int) -> int:
    """Smallest k*k > n found with while-else (else runs when the loop ends normally)."""
    k = 0
    while k * k <= n:
        k += 1
        if k > 1001:
            break
    else:
        return k * k
    return -1


def for_else_found(n: int, target: int) -> int:
    """Index of the first i in [0, min(n, 1000)) with i*i % 17 == target, else -1."""
    n = min(n, 1000)
    for i in range(n):
        if i * i % 17 == target:
            res = i
            break
    else:
        res = -1
    return res


def sum_skip_multiples(n: int, k: int) -> int:
    """Sum of i in [0, n) skipping multiples of k via continue; n clamped to 10000, k != 0."""
    if k == 0:
        raise ValueError("k must be nonzero")
    n = min(n, 10000)
    s = 0
    for i in range(n):
        if i % k == 0:
            continue
        s += i
    return s


def strictly_between(a: float, b: float, c: float) -> bool:
    """Chained comparison a < b < c (False whenever any operand is nan)."""
    return a < b < c


def chain_mixed(a: int, b: int, c: int) -> bool:
    """Longer chain a <= b < c != a combined with an equality chain."""
    return a <= b < c != a or a == b == c


def divides(a: int, b: int) -> bool:
    """b != 0 and a % b == 0: the and short-circuits before a modulo by zero."""
    return b != 0 and a % b == 0


def safe_ratio_big(a: int, b: int) -> bool:
    """b == 0 or a // b > 1: the or short-circuits before a division by zero."""
    return b == 0 or a // b > 1


def or_default(x: float, d: float) -> float:
    """x or d: returns x unless x is zero (nan is truthy, -0.0 is falsy)."""
    return x or d


def and_value(a: int, b: int) -> int:
    """a and b: returns a if a is zero, else b (value, not bool)."""
    return a and b


def classify(x: float) -> int:
    """if/elif/else ladder: 0 nan, 1 negative, 2 zero, 3 in (0, 1), 4 in [1, 1e6), 5 above."""
    if x != x:
        return 0
    elif x < 0.0:
        return 1
    elif x == 0.0:
        return 2
    elif x < 1.0:
        return 3
    elif x < 1e6:
        return 4
    else:
        return 5


def abs_cond(x: float) -> float:
    """Absolute value via a conditional expression (keeps -0.0 as -0.0)."""
    return x if x >= 0.0 else -x


def pick_sign(flag: bool, x: float) -> float:
    """Nested conditional expressions choosing between x, -x and 0."""
    return x if flag else (-x if x > 0.0 else 0.0)


def countdown_sum(n: int) -> int:
    """Sum over range(n, 0, -1) and range(0, -n, -2), |n| clamped to 10000."""
    n = min(abs(n), 10000)
    s = 0
    for i in range(n, 0, -1):
        s += i
    for j in range(0, -n, -2):
        s += j
    return s


def range_step_sum(start: int, stop: int, step: int) -> int:
    """Sum of range(start, stop, step) with start/stop clamped to [-1000, 1000]; step 0 raises ValueError."""
    start = max(-1000, min(start, 1000))
    stop = max(-1000, min(stop, 1000))
    s = 0
    for i in range(start, stop, step):
        s += i
    return s


def nested_pairs(n: int) -> int:
    """Count pairs i < j < n with (i + j) % 3 == 0, skipping j == 2*i; n clamped to 200."""
    n = min(n, 200)
    count = 0
    for i in range(n):
        for j in range(i + 1, n):
            if j == 2 * i:
                continue
            if (i + j) % 3 == 0:
                count += 1
    return count


def triple_loop_break(n: int) -> int:
    """Smallest perimeter search for a Pythagorean triple with legs < n (n clamped to 100)."""
    n = min(n, 100)
    best = -1
    for a in range(1, n):
        for b in range(a, n):
            c2 = a * a + b * b
            c = 1
            while c * c < c2:
                c += 1
            if c * c == c2:
                if best < 0 or a + b + c < best:
                    best = a + b + c
                break
    return best


def loop_with_pass(n: int) -> int:
    """Counts odd i in [0, min(n, 1000)) using a pass branch."""
    n = min(n, 1000)
    odd = 0
    for i in range(n):
        if i % 2 == 0:
            pass
        else:
            odd += 1
    return odd


def not_and_or(a: bool, b: bool, c: bool) -> bool:
    """Boolean expression with not, and, or precedence."""
    return not a and b or c and not b
