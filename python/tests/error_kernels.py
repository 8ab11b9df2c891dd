"""Functions pyc2go cannot compile, for test_errors.py. Each error's
position is the first occurrence of the text after ERROR: on the line."""

import numpy as np

import pyc2go


@pyc2go.jit
def uses_print(x):
    y = x + 1
    print(y)  # ERROR: print
    return y


@pyc2go.jit(fallback=True)
def uses_print_fallback(x):
    print("fallback", x)  # ERROR: print
    return x * 2


@pyc2go.jit(fallback=True)
def total_fallback(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s


@pyc2go.jit
def calls_helper(x):
    return helper(x)


def helper(y):
    return y * 2


def make_nested():
    @pyc2go.jit
    def inner(x):
        return x
    return inner


def returns_array(x):
    return np.zeros(3) + x


def divides(x, y):
    return x / y
