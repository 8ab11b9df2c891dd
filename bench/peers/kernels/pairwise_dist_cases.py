"""bench/peers arguments of pairwise_dist."""
STYLE = "array"
SIZES = {"full": (1000, 3), "smoke": (6, 3)}


def args(rng, size):
    return (rng.random(SIZES[size]),)


CASES = [("pairwise_dist", lambda rng: args(rng, "smoke"))]
