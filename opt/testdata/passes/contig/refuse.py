"""contig must refuse: an access that is not base + i*stride."""


def gather(x: "float64[:]", idx: "int64[:]") -> float:
    s = 0.0
    for i in range(idx.shape[0]):
        s += x[idx[i]]
    return s


def squares(x: "float64[:]") -> float:
    s = 0.0
    for i in range(x.shape[0] // 4):
        s += x[i * i]
    return s
