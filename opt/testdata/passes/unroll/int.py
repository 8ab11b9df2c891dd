"""Integer reductions are unrolled with four accumulators at any
optimisation level that runs the pass: wrap-around int64 arithmetic is
associative, so the result is bit-identical."""


def idot(x: "int64[:]", y: "int64[:]") -> int:
    s = 0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def ops(x: "int64[:]", lo: int, hi: int):
    p = 1
    a = -1
    d = 100
    m = 0
    for i in range(lo, hi):
        p *= x[i]
        a &= x[i]
        d -= x[i]
        m = max(m, x[i])
    return p, a, d, m


def conditional(x: "int64[:]") -> int:
    c = 0
    for i in range(x.shape[0]):
        if x[i] > 0:
            c += 1
    return c
