"""licm: layout reads, row bases and invariant scalar math leave the loops,
innermost first and as far out as they stay invariant."""


def scale(a: "float64[:, :]", out: "float64[:, :]", s: float, t: float) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = a[i, j] * (s * t + 1.0)


def moved_assign(x: "float64[:]", a: float, b: float) -> float:
    total = 0.0
    for i in range(x.shape[0]):
        c = a * b + 1.0
        total += x[i] * c
    return total
