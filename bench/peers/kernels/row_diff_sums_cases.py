"""bench/peers arguments of row_diff_sums."""
STYLE = "loop"
SIZES = {"full": (300, 300), "smoke": (9, 5)}


def args(rng, size):
    return (rng.random(SIZES[size]),)


CASES = [("row_diff_sums", lambda rng: args(rng, "smoke"))]
