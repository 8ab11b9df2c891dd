def get(a: "float64[:]", i: int, j: int) -> float:
    return a[i, j]
