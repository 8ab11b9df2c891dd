"""bench/peers arguments of log_exp_sum."""
STYLE = "array"
NUMEXPR = "sum(log(exp(-s) / c))"
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.random(SIZES[size]) * 20.0, 3.5)


CASES = [("log_exp_sum", lambda rng: args(rng, "smoke"))]
