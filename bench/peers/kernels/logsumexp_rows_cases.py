"""bench/peers arguments of logsumexp_rows."""
STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (6, 5)}


def args(rng, size):
    return (rng.standard_normal(SIZES[size]) * 10.0,)


CASES = [("logsumexp_rows", lambda rng: args(rng, "smoke"))]
