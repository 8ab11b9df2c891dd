"""Reduction loops the unroll pass leaves alone, each with its remark."""


def float_dot(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


def acc_read(x: "int64[:]", out: "int64[:]") -> int:
    s = 0
    for i in range(x.shape[0]):
        s += x[i]
        out[i] = s
    return s


def carried(x: "int64[:]") -> int:
    s = 0
    prev = 0
    for i in range(x.shape[0]):
        s += x[i] * prev
        prev = x[i]
    return s


def breaks(x: "int64[:]") -> int:
    s = 0
    for i in range(x.shape[0]):
        if x[i] < 0:
            break
        s += x[i]
    return s


def continues(x: "int64[:]") -> int:
    s = 0
    for i in range(x.shape[0]):
        if x[i] < 0:
            continue
        s += x[i]
    return s


def returns(x: "int64[:]") -> int:
    s = 0
    for i in range(x.shape[0]):
        if x[i] == 0:
            return -1
        s += x[i]
    return s


def step2(x: "int64[:]") -> int:
    s = 0
    for i in range(0, x.shape[0], 2):
        s += x[i]
    return s
