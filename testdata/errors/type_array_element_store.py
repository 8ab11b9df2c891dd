def store(a: "float64[:]", z: complex) -> None:
    a[0] = z
