"""bench/peers arguments of phase_rotate."""
STYLE = "array"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (rng.standard_normal(n) + 1j * rng.standard_normal(n), rng.uniform(-3.0, 3.0, n))


CASES = [("phase_rotate", lambda rng: args(rng, "smoke"))]
