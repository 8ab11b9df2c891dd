"""bench/peers arguments of pairwise_dist_loops."""
STYLE = "loop"
SIZES = {"full": (500, 3), "smoke": (6, 3)}


def args(rng, size):
    return (rng.random(SIZES[size]),)


CASES = [("pairwise_dist_loops", lambda rng: args(rng, "smoke"))]
