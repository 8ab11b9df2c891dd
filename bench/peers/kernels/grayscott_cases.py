"""bench/peers arguments of grayscott (in place; the fields stay within
[0, 1] under repeated steps)."""
STYLE = "array"
SIZES = {"full": (600, 4), "smoke": (8, 2)}


def args(rng, size):
    n, steps = SIZES[size]
    U = 1.0 - 0.2 * rng.random((n, n))
    V = 0.2 * rng.random((n, n))
    return (U, V, 0.16, 0.08, 0.060, 0.062, steps)


CASES = [("grayscott", lambda rng: args(rng, "smoke"))]
