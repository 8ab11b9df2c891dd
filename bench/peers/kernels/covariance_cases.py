"""bench/peers arguments of covariance."""
STYLE = "array"
SIZES = {"full": (1200, 240), "smoke": (9, 4)}


def args(rng, size):
    return (rng.standard_normal(SIZES[size]),)


CASES = [("covariance", lambda rng: args(rng, "smoke"))]
