"""Evaluation order: a temporary array computed before a call that mutates its source."""
import numpy as np


def bump(a: "float64[:]") -> float:
    a *= 2.0
    return 1.0


def bumpa(a: "float64[:]") -> "float64[:]":
    a += 1.0
    return a * 1.0


def order1(a: "float64[:]") -> "float64[:]":
    return (a * 3.0) + bump(a)


def order2(a: "float64[:]") -> "float64[:]":
    return a + bumpa(a)
