"""bench/peers arguments of syrk (C is updated in place; calls repeat on
the updated C, which stays bounded because beta < 1)."""
STYLE = "loop"
SIZES = {"full": (200, 160), "smoke": (7, 5)}


def args(rng, size):
    n, m = SIZES[size]
    return (1.5, 0.5, rng.random((n, n)), rng.random((n, m)))


CASES = [("syrk", lambda rng: args(rng, "smoke"))]
