"""bench/peers arguments of kmeans_assign."""
STYLE = "loop"
SIZES = {"full": (100_000, 3, 8), "smoke": (50, 3, 4)}


def args(rng, size):
    n, d, k = SIZES[size]
    return (rng.random((n, d)), rng.random((k, d)))


CASES = [("kmeans_assign", lambda rng: args(rng, "smoke"))]
