"""Reduction loops the unroll pass splits into four accumulators (integer
reductions of every operator), and ones it must leave alone; results and
exceptions must be CPython's either way."""
import numpy as np


def int_ops(x: "int64[:]"):
    """Every integer reduction operator in one loop."""
    s = 3
    d = 0
    p = 1
    o = 0
    a = -1
    e = 0
    lo = 10**9
    hi = -10**9
    for i in range(x.shape[0]):
        v = x[i]
        s += v * v
        d -= v
        p *= v % 7 + 1
        o |= v
        a &= v + 65536
        e ^= v * 31
        lo = min(lo, v)
        hi = max(v, hi)
    return s, d, p, o, a, e, lo, hi


def int_dot(x: "int64[:]", y: "int64[:]") -> int:
    """A dot product whose checks on y raise IndexError at the first index
    past y's end, inside an unrolled group of four."""
    s = 0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def bounded(x: "int64[:]", lo: int, hi: int) -> int:
    """A range with run-time bounds (possibly empty or negative ones)."""
    s = 0
    for i in range(lo, hi):
        s += x[i % x.shape[0]] * i
    return s


def last_seen(x: "int64[:]"):
    """A temporary read after the loop keeps its last iteration's value."""
    s = 0
    v = 0
    for i in range(x.shape[0]):
        v = x[i] * 2
        s += v
    return s, v


def conditional(x: "int64[:]") -> int:
    """A reduction under an if."""
    c = 0
    for i in range(x.shape[0]):
        if x[i] > 0:
            c += x[i]
    return c


def float_dot(x: "float64[:]", y: "float64[:]") -> float:
    """Not unrolled without --fastmath: bit-identical to CPython."""
    s = 0.0
    for i in range(min(x.shape[0], y.shape[0])):
        s += x[i] * y[i]
    return s


def early_exit(x: "int64[:]") -> int:
    """Not unrolled: break."""
    s = 0
    for i in range(x.shape[0]):
        if x[i] == 0:
            break
        s += x[i]
    return s


def uint8_sum(x: "uint8[:]") -> int:
    """An int accumulator fed by uint8 elements."""
    s = 0
    for i in range(x.shape[0]):
        s += x[i]
    return s
