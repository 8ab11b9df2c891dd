def scale(a: "complex64[:]", z: complex) -> "complex64[:]":
    return a * z
