"""bench/peers arguments of atax."""
STYLE = "array"
SIZES = {"full": (2000, 1800), "smoke": (7, 5)}


def args(rng, size):
    m, n = SIZES[size]
    return (rng.random((m, n)), rng.random(n))


CASES = [("atax", lambda rng: args(rng, "smoke"))]
