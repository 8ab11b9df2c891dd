"""bench/peers arguments of arc_distance."""
STYLE = "array"
NUMEXPR = ("2 * arctan2(sqrt(sin((theta_2 - theta_1) / 2) ** 2 + cos(theta_1) * cos(theta_2) * sin((phi_2 - phi_1) / 2) ** 2),"
           " sqrt(1 - (sin((theta_2 - theta_1) / 2) ** 2 + cos(theta_1) * cos(theta_2) * sin((phi_2 - phi_1) / 2) ** 2)))")
SIZES = {"full": 1_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return tuple(rng.uniform(-3.0, 3.0, n) for _ in range(4))


CASES = [("arc_distance", lambda rng: args(rng, "smoke"))]
