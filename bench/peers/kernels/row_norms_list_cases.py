"""bench/peers arguments of row_norms_list."""
STYLE = "array"
SIZES = {"full": (2000, 500), "smoke": (6, 4)}


def args(rng, size):
    return (rng.random(SIZES[size]),)


CASES = [("row_norms_list", lambda rng: args(rng, "smoke"))]
