"""A quartic by Horner's rule over ten million points: pure streaming."""


def horner_poly(x: "float64[:]", c0: float, c1: float, c2: float, c3: float, c4: float):
    return (((c4 * x + c3) * x + c2) * x + c1) * x + c0
