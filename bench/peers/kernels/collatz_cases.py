"""bench/peers arguments of collatz."""
STYLE = "loop"
SIZES = {"full": 30_000, "smoke": 100}


def args(rng, size):
    return (SIZES[size],)


CASES = [("collatz", lambda rng: args(rng, "smoke"))]
