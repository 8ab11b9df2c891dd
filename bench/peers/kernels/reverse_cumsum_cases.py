"""bench/peers arguments of reverse_cumsum."""
STYLE = "array"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.random(SIZES[size]),)


CASES = [("reverse_cumsum", lambda rng: args(rng, "smoke"))]
