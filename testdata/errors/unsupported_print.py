def mean(a: "float64[:]", n: int) -> float:
    """print writes to stdout only."""
    s = 0.0
    for i in range(n):
        s += a[i]
    print(s / n, file=None)
    return s / n


print(mean)
