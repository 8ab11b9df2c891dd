"""Gather with an integer index array (fancy indexing) and weight."""


def gather_scale(a: "float64[:]", idx: "int64[:]", w: "float64[:]"):
    return a[idx] * w
