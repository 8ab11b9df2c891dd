"""bench/peers arguments of gather_scale."""
STYLE = "array"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (rng.random(n), rng.integers(0, n, n), rng.random(n))


CASES = [("gather_scale", lambda rng: args(rng, "smoke"))]
