"""Arithmetic on array elements follows numpy scalar rules."""
import numpy as np


def elem_div(a: "float64[:]", b: "float64[:]") -> float:
    s = 0.0
    for i in range(min(len(a), len(b))):
        s += a[i] / b[i]
    return s


def elem_idiv(a: "int64[:]", b: "int64[:]") -> int:
    s = 0
    for i in range(min(len(a), len(b))):
        s += a[i] // b[i] + a[i] % b[i]
    return s


def sum_div(a: "float64[:]") -> float:
    return a.sum() / a[0] if len(a) > 0 else 0.0


def elem_tdiv(a: "int64[:]", b: "int64[:]") -> float:
    s = 0.0
    for i in range(min(len(a), len(b))):
        s += a[i] / b[i]
    return s
