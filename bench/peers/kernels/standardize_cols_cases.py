"""bench/peers arguments of standardize_cols."""
STYLE = "array"
SIZES = {"full": (1000, 1000), "smoke": (7, 5)}


def args(rng, size):
    return (rng.standard_normal(SIZES[size]) * 3.0 + 1.0,)


CASES = [("standardize_cols", lambda rng: args(rng, "smoke"))]
