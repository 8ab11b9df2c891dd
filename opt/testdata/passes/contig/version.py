"""contig: a unit-stride copy of each innermost loop, checked once before
the outermost loop in which the strides are invariant."""


def axpy(a: float, x: "float64[:]", y: "float64[:]", out: "float64[:]") -> None:
    out[:] = a * x + y


def mat(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    return a * b - 1.0


def rows(m: "float64[:, :]") -> float:
    s = 0.0
    for i in range(m.shape[0]):
        r = m[i, ::2]
        for j in range(r.shape[0]):
            s += r[j]
    return s
