def rows(m: "float64[:, :]") -> int:
    n = m.shape
    return n + 1
