"""List comprehensions, and generators made into lists by list(),
sorted() and np.array() (issue #12)."""
import math

import numpy as np


def positive_squares(xs: "list[float]") -> "list[float]":
    return [x * x for x in xs if x > 0]


def pairs_sum(n: int) -> "list[int]":
    return [i + j for i in range(n) for j in range(i) if (i + j) % 3 != 0]


def from_array(a: "float64[:]") -> "list[float]":
    return [math.sqrt(abs(v)) for v in a]


def gen_list(n: int) -> "list[int]":
    return list(k * k for k in range(n) if k % 2 == 1)


def sorted_gen(a: "float64[:]") -> "list[float]":
    return sorted(abs(v) for v in a if not math.isnan(v))


def comp_array(n: int) -> "float64[:]":
    return np.array([0.5 * k for k in range(n)])


def array_of_list(xs: "list[int]") -> "float64[:]":
    return np.array(xs, dtype=np.float64) + 1.0


def zip_comp(xs: "list[float]", ys: "list[float]") -> "list[float]":
    return [x * y for x, y in zip(xs, ys)]


def enumerate_comp(xs: "list[int]") -> "list[int]":
    return [i * v for i, v in enumerate(xs) if v % 2 == 0]


def nested_filter(n: int) -> int:
    evens = [k for k in range(n) if k % 2 == 0]
    big = [e for e in evens if e > n // 2]
    return len(big) + sum(big)


def comp_of_list(xs: "list[float]", s: float) -> "list[float]":
    scaled = [s * x for x in xs]
    return [y for y in scaled if y < 10.0]


def list_of_range(n: int) -> "list[int]":
    return list(range(n, 0, -2))


def dot_lists(xs: "list[float]", ys: "list[float]") -> float:
    if len(xs) != len(ys):
        raise ValueError("length mismatch")
    return sum([x * y for x, y in zip(xs, ys)])


def mean_of_top(xs: "list[float]", k: int) -> float:
    top = sorted(xs, reverse=True)[:k]
    if not top:
        return 0.0
    return sum(top) / len(top)
