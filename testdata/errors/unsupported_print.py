def mean(a, n: int) -> float:
    s = 0.0
    for i in range(n):
        s += a[i]
    print(s / n)
    return s / n
