"""bench/peers arguments of horner_poly."""
STYLE = "array"
NUMEXPR = "(((c4 * x + c3) * x + c2) * x + c1) * x + c0"
SIZES = {"full": 10_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.random(SIZES[size]) * 2.0 - 1.0, 1.0, -0.5, 0.25, -0.125, 0.0625)


CASES = [("horner_poly", lambda rng: args(rng, "smoke"))]
