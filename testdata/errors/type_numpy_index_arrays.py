import numpy as np


def two_arrays(a: "float64[:, :]", r: "int64[:]", c: "int64[:]") -> "float64[:]":
    return a[r, c]


def mask_and_newaxis(a: "float64[:]") -> "float64[:, :]":
    return a[a > 0, None]


def float_index_array(a: "float64[:]", x: "float64[:]") -> "float64[:]":
    return a[x]


def mask_too_many(a: "float64[:]", m: "bool[:, :]") -> "float64[:]":
    return a[m]


def take_2d_flat(a: "float64[:, :]", i: "int64[:]") -> "float64[:]":
    return np.take(a, i)


def cov_vector(x: "float64[:]") -> float:
    return np.cov(x)


def keepdims_variable(a: "float64[:, :]", k: bool) -> "float64[:, :]":
    return a.sum(axis=0, keepdims=k)


def matmul_vector_stack(a: "float64[:, :, :]", v: "float64[:]") -> "float64[:, :]":
    return a @ v


def mask_store_2d_value(a: "float64[:]", v: "float64[:, :]") -> None:
    a[a > 0] = v
