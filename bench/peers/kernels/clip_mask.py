"""Clamp a signal into [0, t] with boolean-mask assignments."""


def clip_mask(x: "float64[:]", t: float):
    y = x.copy()
    y[y < 0] = 0.0
    y[y > t] = t
    return y
