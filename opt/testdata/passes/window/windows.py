"""window: unit-stride innermost loops with straight-line bodies get
windows; loops with a check, an if or a non-unit step do not."""


def triad(z: "float64[:]", x: "float64[:]", y: "float64[:]", s: float) -> None:
    z[:] = x + s * y


def dot(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def clip_max(x: "float64[:]") -> float:
    m = 0.0
    for i in range(x.shape[0]):
        if x[i] > m:
            m = x[i]
    return m


def evens(x: "float64[:]") -> float:
    s = 0.0
    for i in range(0, x.shape[0], 2):
        s += x[i]
    return s
