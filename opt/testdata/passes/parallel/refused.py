"""Loops the parallel pass leaves sequential, each with its remark."""
import numpy as np
from numba import prange


def float_sum(x: "float64[:]") -> float:
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i]
    return s


def carried(x: "float64[:]", out: "float64[:]") -> None:
    prev = 0.0
    for i in prange(x.shape[0]):
        out[i] = prev
        prev = x[i]


def read_inside(x: "int64[:]", out: "int64[:]") -> int:
    s = 0
    for i in prange(x.shape[0]):
        s += x[i]
        out[i] = s
    return s


def live_after(x: "float64[:]") -> float:
    t = 0.0
    for i in prange(x.shape[0]):
        t = x[i] * 2.0
    return t


def breaks(x: "int64[:]") -> int:
    s = 0
    for i in prange(x.shape[0]):
        if x[i] < 0:
            break
        s += x[i]
    return s


def returns(x: "int64[:]") -> int:
    for i in prange(x.shape[0]):
        if x[i] < 0:
            return i
    return -1


def one_branch(x: "float64[:]", out: "float64[:]") -> None:
    t = 0.0
    for i in prange(x.shape[0]):
        if x[i] > 0.0:
            t = x[i]
        out[i] = t
