def get(a: "float64[:]", x: float) -> float:
    return a[x]
