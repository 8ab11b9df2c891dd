"""Array kernels whose inputs make numpy raise: messages checked with `pyc2go verify`."""
import numpy as np


def oob(a: "float64[:, :]", i: int, j: int) -> float:
    return a[i][j] + a[i, j]


def oob_store(a: "float64[:]", i: int) -> "float64[:]":
    a[i] = 1.0
    a[-i] += 2.0
    return a


def bcast(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    return a + b * 2.0


def bcast2(a: "float64[:, :]", b: "float64[:]") -> "float64[:, :]":
    return np.where(a > 0.0, b, a)


def setbad(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    a[1:] = b
    return a


def rshape(a: "float64[:]", n: int) -> "float64[:, :]":
    return a.reshape(n, 3)


def rshape1(a: "float64[:, :]") -> "float64[:]":
    return a.reshape(4)


def step0(a: "float64[:]", s: int) -> "float64[:]":
    return a[::s]


def negpow(a: "int64[:]", b: "int64[:]") -> "int64[:]":
    return a ** b


def emptymin(a: "float64[:]") -> float:
    return a.min() + a[1:].max()


def eargmin(a: "float64[:]") -> int:
    return np.argmin(a[2:])


def dotbad(a: "float64[:, :]", b: "float64[:]") -> "float64[:]":
    return a @ b + np.dot(a, b)


def negdim(n: int) -> "float64[:]":
    return np.zeros(n - 5)


def linneg(n: int) -> "float64[:]":
    return np.linspace(0.0, 1.0, n)


def rshape2(a: "float64[:]", n: int, m: int) -> "float64[:, :, :]":
    return a.reshape(n, 2, m)


def rshape3(a: "float64[:]", n: int) -> "float64[:, :]":
    return a.reshape(-1, n)
