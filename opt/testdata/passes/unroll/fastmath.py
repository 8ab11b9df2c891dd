# config: fastmath
"""Under --fastmath float reductions are unrolled too."""


def dot(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def fsub(x: "float32[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s -= x[i]
    return s
