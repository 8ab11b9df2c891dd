"""Functions pyc2go cannot compile, for test_errors.py. Each error's
position is the first occurrence of the text after ERROR: on the line."""

import numpy as np

import pyc2go


@pyc2go.jit
def uses_dict(x):
    y = x + 1
    seen = {y: 1}  # ERROR: {y
    return y


@pyc2go.jit(fallback=True)
def uses_dict_fallback(x):
    seen = {x: 2}  # ERROR: {x
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
