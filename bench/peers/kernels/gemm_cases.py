"""bench/peers arguments of gemm."""
STYLE = "array"
SIZES = {"full": (500, 600, 550), "smoke": (7, 5, 6)}


def args(rng, size):
    ni, nj, nk = SIZES[size]
    return (1.5, 1.2, rng.random((ni, nj)), rng.random((ni, nk)), rng.random((nk, nj)))


CASES = [("gemm", lambda rng: args(rng, "smoke"))]
