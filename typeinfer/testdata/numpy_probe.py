"""Prints numpy 1.24's result type of every binary and unary operator on
scalar pairs that involve a sized numpy scalar kind; promote_test.go runs it
with /usr/bin/python3 and compares the output with the Go table."""

import operator
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")  # int // 0 etc. only warn in numpy

# ir kind name -> constructor. bool, int64, float64 and complex128 are the
# Python builtins: they share an ir kind with np.bool_ etc., and pyc2go uses
# Python's rules when both operands are one of those four.
KINDS = [
    ("bool", bool), ("int8", np.int8), ("int16", np.int16), ("int32", np.int32),
    ("int64", int), ("uint8", np.uint8), ("uint16", np.uint16), ("uint32", np.uint32),
    ("uint64", np.uint64), ("float32", np.float32), ("float64", float),
    ("complex64", np.complex64), ("complex128", complex),
]
SIZED = {"int8", "int16", "int32", "uint8", "uint16", "uint32", "uint64", "float32", "complex64"}

BINOPS = [
    ("+", operator.add), ("-", operator.sub), ("*", operator.mul), ("/", operator.truediv),
    ("//", operator.floordiv), ("%", operator.mod), ("**", operator.pow),
    ("&", operator.and_), ("|", operator.or_), ("^", operator.xor),
    ("<<", operator.lshift), (">>", operator.rshift),
]
UNOPS = [("-", operator.neg), ("+", operator.pos), ("~", operator.invert), ("abs", abs)]


def kind(v):
    if isinstance(v, (bool, np.bool_)):
        return "bool"
    return {int: "int64", float: "float64", complex: "complex128"}.get(type(v)) or np.dtype(type(v)).name


def result(fn, *args):
    try:
        return kind(fn(*args))
    except TypeError:
        return "error"


def value(ctor, v):
    return ctor(bool(v)) if ctor is bool else ctor(v)


def main():
    lines = []
    for name, fn in UNOPS:
        for k, ctor in KINDS:
            if k in SIZED:
                lines.append("%s %s -> %s" % (name, k, result(fn, value(ctor, 3))))
    for name, fn in BINOPS:
        for lk, lc in KINDS:
            for rk, rc in KINDS:
                if lk not in SIZED and rk not in SIZED:
                    continue
                # Scalar-scalar promotion in numpy 1.24 does not depend on
                # the values; checking two value pairs guards that assumption.
                r1 = result(fn, value(lc, 3), value(rc, 2))
                r2 = result(fn, value(lc, 1), value(rc, 1))
                if r1 != r2:
                    sys.exit("value-dependent result for %s %s %s" % (lk, name, rk))
                lines.append("%s %s %s -> %s" % (lk, name, rk, r1))
    sys.stdout.write("\n".join(lines) + "\n")


main()
