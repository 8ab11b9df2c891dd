"""bench/peers arguments of rosenbrock."""
STYLE = "array"
NUMEXPR = "sum(100.0 * (x1 - x0 ** 2) ** 2 + (1 - x0) ** 2)"
NUMEXPR_VARS = {"x1": "x[1:]", "x0": "x[:-1]"}
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.random(SIZES[size]) * 2.0,)


CASES = [("rosenbrock", lambda rng: args(rng, "smoke"))]
