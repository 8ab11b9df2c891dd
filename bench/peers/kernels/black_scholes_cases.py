"""bench/peers arguments of black_scholes."""
STYLE = "array"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (rng.uniform(5.0, 30.0, n), rng.uniform(1.0, 100.0, n), rng.uniform(0.25, 10.0, n), 0.02, 0.30)


CASES = [("black_scholes", lambda rng: args(rng, "smoke"))]
