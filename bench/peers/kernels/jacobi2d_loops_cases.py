"""bench/peers arguments of jacobi2d_loops (in place; repeated sweeps
only smooth further)."""
STYLE = "loop"
SIZES = {"full": (250, 8), "smoke": (8, 2)}


def args(rng, size):
    n, tsteps = SIZES[size]
    return (rng.random((n, n)), rng.random((n, n)), tsteps)


CASES = [("jacobi2d_loops", lambda rng: args(rng, "smoke"))]
