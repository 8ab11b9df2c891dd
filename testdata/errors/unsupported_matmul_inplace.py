def power_step(m: "float64[:, :]", v: "float64[:]") -> "float64[:]":
    v @= m
    return v
