"""Lists of numbers as people write them: built with append, indexed,
sliced, sorted, searched, passed in and returned (issue #12)."""
import numpy as np


def squares(n: int) -> list:
    result = []
    for i in range(n):
        result.append(i * i)
    return result


def running_mean(xs: "list[float]") -> "list[float]":
    out = []
    total = 0.0
    for i, x in enumerate(xs):
        total += x
        out.append(total / (i + 1))
    return out


def median(vals: "list[float]") -> float:
    s = sorted(vals)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def primes(n: int) -> "list[int]":
    """Sieve of Eratosthenes returning the primes below n."""
    if n < 2:
        return []
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    i = 2
    while i * i < n:
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
        i += 1
    return [k for k in range(n) if sieve[k]]


def fib_list(n: int) -> "list[int]":
    fibs = [0, 1]
    while len(fibs) < n:
        fibs.append((fibs[-1] + fibs[-2]) % 1000003)
    return fibs[:n]


def stack_ops(n: int) -> int:
    stack = []
    total = 0
    for i in range(n):
        stack.append(i)
        if i % 3 == 2:
            total += stack.pop()
    while stack:
        total += stack.pop() * 2
    return total


def pop_empty(n: int) -> int:
    """IndexError: pop from empty list once n pops outnumber the pushes."""
    xs = [1, 2, 3]
    s = 0
    for _ in range(n):
        s += xs.pop()
    return s


def index_error(xs: "list[float]", i: int) -> float:
    return xs[i] + xs[-1]


def set_item(xs: "list[float]", i: int, v: float) -> "list[float]":
    ys = xs.copy()
    ys[i] = v
    ys[0] += 1.0
    return ys


def insert_and_pop(xs: "list[int]", i: int) -> "list[int]":
    ys = list(xs)
    ys.insert(i, 99)
    ys.insert(-i, 7)
    if ys:
        ys.pop(0)
    return ys


def pop_at(xs: "list[int]", i: int):
    ys = xs[:]
    v = ys.pop(i)
    return v, len(ys)


def slices(xs: "list[int]", a: int, b: int):
    return xs[a:b], xs[::2], xs[::-1], xs[b:a:-1], xs[-3:]


def concat_repeat(xs: "list[float]", n: int) -> "list[float]":
    ys = xs + [0.5, 1.5]
    zs = [1.0, 2.0] * (n % 5 - 1)
    return ys + zs * 2


def contains(xs: "list[int]", v: int):
    return v in xs, v not in xs, 3 in xs


def count_index(xs: "list[int]", v: int):
    c = xs.count(v)
    if v in xs:
        return c, xs.index(v)
    return c, -1


def index_missing(xs: "list[int]", v: int) -> int:
    """ValueError: v is not in list."""
    return xs.index(v)


def sort_desc(xs: "list[float]") -> "list[float]":
    ys = list(xs)
    ys.sort(reverse=True)
    return ys


def sort_ints(xs: "list[int]"):
    ys = xs.copy()
    ys.sort()
    return ys, sorted(xs, reverse=True), sorted(xs)[0] if xs else 0


def list_stats(xs: "list[float]"):
    if not xs:
        return 0.0, 0.0, 0.0
    return sum(xs), min(xs), max(xs)


def int_stats(xs: "list[int]"):
    return sum(xs), len(xs), max(xs, default=-1)


def reverse_clear(xs: "list[int]", k: int) -> "list[int]":
    ys = xs.copy()
    ys.reverse()
    if k > 5:
        ys.clear()
    ys.extend([k, k + 1])
    ys.extend((k, 2 * k))
    return ys


def histogram(xs: "list[float]", nbins: int) -> "list[int]":
    counts = [0] * nbins
    lo = min(xs)
    hi = max(xs)
    width = (hi - lo) / nbins
    for x in xs:
        b = int((x - lo) / width)
        if b == nbins:
            b -= 1
        counts[b] += 1
    return counts


def to_array(xs: "list[float]") -> "float64[:]":
    return np.array(xs) * 2.0


def cumsum_list(a: "float64[:]") -> "list[float]":
    out = []
    acc = 0.0
    for v in a:
        acc += v
        out.append(acc)
    return out


def bool_list(n: int):
    flags = [i % 3 == 0 for i in range(n)]
    flags.sort()
    return flags, sum(flags)


def complex_list(n: int) -> "list[complex]":
    zs = []
    for k in range(n):
        zs.append(complex(k, -k) * 0.5)
    return zs


def alias_copy(n: int) -> "list[int]":
    """The dynamic-programming row swap: prev = cur, then a new cur."""
    prev = [1] * (n + 1)
    for _ in range(n):
        cur = [1] * (n + 1)
        for j in range(1, n + 1):
            cur[j] = (prev[j] + cur[j - 1]) % 65521
        prev = cur
    return prev


def moving_window(xs: "list[float]", k: int) -> "list[float]":
    k = max(k, 1)
    window = []
    out = []
    for x in xs:
        window.append(x)
        if len(window) > k:
            window.pop(0)
        out.append(sum(window) / len(window))
    return out


def _helper_total(xs: "list[float]") -> float:
    t = 0.0
    for x in xs:
        t += x * x
    return t


def call_helper(xs: "list[float]") -> float:
    return _helper_total(xs) + _helper_total([1.0, 2.0])


def sort_floats(xs: "list[float]"):
    """NaNs included: short lists sort in CPython's own order."""
    ys = sorted(xs)
    zs = xs.copy()
    zs.sort(reverse=True)
    return ys, zs


def min_max_empty(xs: "list[int]") -> int:
    """ValueError: min() arg is an empty sequence."""
    return min(xs) + max(xs)


def reversed_walk(xs: "list[float]", v: float):
    out = []
    for x in reversed(xs):
        if x != v:
            out.append(x)
    return out, len(out)


def bool_sort(xs: "list[bool]", flip: bool) -> "list[bool]":
    ys = sorted(xs, reverse=flip)
    ys.append(not flip)
    return ys


def long_sort(n: int, seed: int) -> "list[int]":
    """More than 64 elements: the merge sort."""
    vals = []
    x = seed % 1000
    for _ in range(n * 7):
        x = (x * 1103515245 + 12345) % 2147483648
        vals.append(x % 97)
    vals.sort()
    return vals[::5]
