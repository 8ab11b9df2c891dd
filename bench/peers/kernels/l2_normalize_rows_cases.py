"""bench/peers arguments of l2_normalize_rows."""
STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (7, 5)}


def args(rng, size):
    return (rng.random(SIZES[size]) + 0.1,)


CASES = [("l2_normalize_rows", lambda rng: args(rng, "smoke"))]
