"""bench/peers arguments of monte_carlo_pi."""
STYLE = "array"
SIZES = {"full": 2_000_000, "smoke": 1000}


def args(rng, size):
    return (SIZES[size], 12345)


CASES = [("monte_carlo_pi", lambda rng: args(rng, "smoke"))]
