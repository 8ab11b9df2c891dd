"""Scalar functions for test_vectorize.py, made into ufuncs by
pyc2go.vectorize. PY holds the undecorated functions (the reference):
a ufunc keeps no Python attributes."""

import math

import pyc2go

PY = {}


def vectorize(*args, **kwargs):
    """pyc2go.vectorize that also records the undecorated function."""
    if len(args) == 1 and callable(args[0]) and not kwargs:
        PY[args[0].__name__] = args[0]
        return pyc2go.vectorize(args[0])

    def deco(f):
        PY[f.__name__] = f
        return pyc2go.vectorize(*args, **kwargs)(f)
    return deco


@vectorize(["int64(int64, int64)", "float64(float64, float64)"])
def floordiv(x, y):
    return x // y


@vectorize(["int64(int64, int64)", "float64(float64, float64)"], identity=0)
def add(x, y):
    return x + y


@vectorize(["float64(float64, float64)"])
def mul(x, y):
    return x * y


@vectorize(["int16(int16, int16)", "float32(float32, float32)"])
def mul_add(x, y):
    return x * y + 1


@vectorize("int64(float64)")
def sign(x):
    if x > 0.0:
        return 1
    elif x < 0.0:
        return -1
    return 0


@vectorize(["float64(float64)"])
def root(x):
    return math.sqrt(x)


@vectorize(["(int64, int64)(int64, int64)", "(float64, float64)(float64, float64)"])
def quot_rem(a, b):
    return a // b, a % b


@vectorize(["bool(bool, bool)"], identity=False)
def xor(a, b):
    return a != b


@vectorize(["complex64(complex64)", "complex128(complex128)"])
def abs2(z):
    return z * z.conjugate()


@vectorize(["float64(float64, float64, float64)"])
def clamp(x: float, lo: float, hi: float) -> float:
    """Annotations are ignored: the signatures say the types."""
    return max(lo, min(x, hi))


@vectorize(identity="reorderable")
def rel(x, y):
    """No signatures: a loop per input dtypes, compiled on first use."""
    return (x - y) / y


@vectorize
def twice_minus(x):
    """For the threads test: no loop until the threads call it at once."""
    return 2 * x - 1


@vectorize
def plus(x, y):
    """For the threads test of methods: reduce and accumulate first."""
    return x + y
