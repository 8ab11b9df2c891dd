"""bench/peers arguments of histogram_loop."""
STYLE = "loop"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.integers(-1 << 40, 1 << 40, SIZES[size]), 97)


CASES = [("histogram_loop", lambda rng: args(rng, "smoke"))]
