"""bench/peers arguments of heat3d_slices (in place)."""
STYLE = "array"
SIZES = {"full": (100, 3), "smoke": (6, 2)}


def args(rng, size):
    n, tsteps = SIZES[size]
    return (rng.random((n, n, n)), rng.random((n, n, n)), tsteps)


CASES = [("heat3d_slices", lambda rng: args(rng, "smoke"))]
