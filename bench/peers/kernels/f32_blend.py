"""A float32 blend with Python float coefficients: numpy keeps float32
(value-based casting of Python scalars)."""


def f32_blend(x: "float32[:]", y: "float32[:]", alpha: float):
    return alpha * x + (1.0 - alpha) * y + 0.5 * x * y
