"""PEP 526 annotated locals (s: float = 0.0, count: int = 0, ...)."""

import math
import numpy as np


def mean_of_squares(n: int) -> float:
    """Mean of k*k for k in [0, n) with annotated accumulators; n clamped to [0, 10000]."""
    n = max(0, min(n, 10000))
    s: float = 0.0
    count: int = 0
    for k in range(n):
        s += k * k
        count += 1
    if count == 0:
        return 0.0
    return s / count


def count_below(x: float, n: int) -> int:
    """How many k in [0, min(n, 10000)) satisfy sqrt(k) < x, with an annotated counter."""
    n = min(n, 10000)
    count: int = 0
    for k in range(max(n, 0)):
        if math.sqrt(k) < x:
            count += 1
    return count


def any_divisor(n: int) -> bool:
    """True if |n| has a divisor in [2, 1000); uses an annotated bool flag."""
    n = abs(n)
    found: bool = False
    for d in range(2, 1000):
        if d >= n:
            break
        if n % d == 0:
            found = True
            break
    return found


def welford_variance(n: int) -> float:
    """Population variance of sin(k) for k in [0, n) by Welford's update; n clamped to 10000."""
    n = max(0, min(n, 10000))
    mean: float = 0.0
    m2: float = 0.0
    k: int = 0
    for i in range(n):
        x: float = math.sin(i)
        k += 1
        delta = x - mean
        mean += delta / k
        m2 += delta * (x - mean)
    if k == 0:
        return 0.0
    return m2 / k


def complex_accumulate(z: complex, n: int) -> complex:
    """Sum of z**k / (k + 1) for k in [0, n) with an annotated complex accumulator; n clamped to 200."""
    n = max(0, min(n, 200))
    acc: complex = 0j
    p: complex = 1 + 0j
    for k in range(n):
        acc += p / (k + 1)
        p *= z
    return acc


def declared_then_assigned(a: int, b: int) -> int:
    """A bare annotation `total: int` followed by assignments in both branches."""
    total: int
    if a > b:
        total = a - b
    else:
        total = b - a
    return total


def f32_running_sum(a: np.float32, b: np.float32) -> np.float32:
    """Float32 accumulation with an annotated np.float32 local (a + b + a + b)."""
    acc: np.float32 = a
    acc = acc + b
    acc = acc + a
    acc = acc + b
    return acc


def annotated_newton(x: float) -> float:
    """Newton cube root with annotated locals; x must be finite, at most 200 iterations."""
    if not math.isfinite(x):
        raise ValueError("x must be finite")
    if x == 0.0:
        return 0.0
    guess: float = math.copysign(abs(x) ** (1.0 / 3.0), x)
    it: int = 0
    while it < 200:
        nxt: float = guess - (guess * guess * guess - x) / (3.0 * guess * guess)
        it += 1
        if nxt == guess:
            break
        guess = nxt
    return guess
