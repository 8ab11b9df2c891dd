def scale(a: "int32[:]", k: int) -> "int32[:]":
    return a * k
