"""bench/peers arguments of lstsq_normal."""
STYLE = "array"
SIZES = {"full": (4000, 120), "smoke": (9, 4)}


def args(rng, size):
    m, n = SIZES[size]
    return (rng.standard_normal((m, n)), rng.standard_normal(m))


CASES = [("lstsq_normal", lambda rng: args(rng, "smoke"))]
