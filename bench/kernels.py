"""Fused array kernels whose Go allocation counts bench/alloc_test.go pins
and whose speed bench/bench_test.go measures (see bench/README.md)."""
import numpy as np


def axpy(a: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
    return a * x + y


def triad(z: "float64[:]", x: "float64[:]", y: "float64[:]", s: float) -> None:
    z[:] = x + s * y


def sqdist_int(x: "int64[:]", y: "int64[:]") -> int:
    return np.sum((x - y) ** 2)


def sqdist(x: "float64[:]", y: "float64[:]") -> float:
    return np.sum((x - y) ** 2)


def softmax(x: "float64[:]") -> "float64[:]":
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def heat_step(u: "float64[:]", c: float) -> None:
    u[1:-1] = u[1:-1] + c * (u[2:] - 2.0 * u[1:-1] + u[:-2])


def mat_expr(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    return np.sqrt(a * a + b * b) * 0.5 - np.abs(a - b)


def dot_loop(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s
