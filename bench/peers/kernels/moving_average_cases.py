"""bench/peers arguments of moving_average."""
STYLE = "array"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.random(SIZES[size]), 25)


CASES = [("moving_average", lambda rng: args(rng, "smoke"))]
