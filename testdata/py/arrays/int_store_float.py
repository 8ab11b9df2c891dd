"""Floats stored into integer arrays: numpy's setitem converts through
Python's int(), so NaN raises ValueError, infinity and values outside int64
OverflowError, and the rest truncate and wrap to the element type (compiled
code stored INT64_MIN, and the C backend made an undefined conversion)."""
import numpy as np


def store(a: "int64[:]", v: float) -> int:
    a[0] = v
    return int(a[0])


def store_add(a: "int64[:]", v: float) -> int:
    a[0] += v
    return int(a[0])


def store_slice(a: "int64[:]", v: float) -> int:
    a[:] = v
    return int(a[0])


def store_fill(a: "int64[:]", v: float) -> int:
    a.fill(v)
    return int(a[0])


def store_int8(a: "int8[:]", v: float) -> int:
    a[1] = v
    return int(a[1])


def store_uint8(a: "uint8[:]", v: float) -> int:
    a[1] += v
    return int(a[1])
