"""stride: running offsets in innermost loops (any start and step), row
bases where a continue would skip the increment."""


def every_third(x: "float64[:]", y: "float64[:]") -> None:
    for i in range(1, x.shape[0], 3):
        x[i] = y[i] * 2.0


def skip_negative(x: "float64[:]", y: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0]):
        if x[i] < 0.0:
            continue
        s += x[i] * y[i]
    return s


def col_sums(m: "float64[:, :]", out: "float64[:]") -> None:
    for j in range(m.shape[1]):
        for i in range(m.shape[0]):
            out[j] += m[i, j]
