def bump(a: "int64[:]") -> None:
    a += 1.5
