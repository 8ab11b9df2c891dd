"""bench/peers arguments of jacobi2d_slices (in place)."""
STYLE = "array"
SIZES = {"full": (1000, 5), "smoke": (8, 2)}


def args(rng, size):
    n, tsteps = SIZES[size]
    return (rng.random((n, n)), rng.random((n, n)), tsteps)


CASES = [("jacobi2d_slices", lambda rng: args(rng, "smoke"))]
