"""bench/peers arguments of mm3."""
STYLE = "array"
SIZES = {"full": 400, "smoke": 6}


def args(rng, size):
    n = SIZES[size]
    return tuple(rng.random((n, n)) - 0.5 for _ in range(4))


CASES = [("mm3", lambda rng: args(rng, "smoke"))]
