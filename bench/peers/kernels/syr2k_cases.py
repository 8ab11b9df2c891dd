"""bench/peers arguments of syr2k (C is updated in place)."""
STYLE = "loop"
SIZES = {"full": (160, 140), "smoke": (6, 5)}


def args(rng, size):
    n, m = SIZES[size]
    return (1.5, 0.5, rng.random((n, n)), rng.random((n, m)), rng.random((n, m)))


CASES = [("syr2k", lambda rng: args(rng, "smoke"))]
