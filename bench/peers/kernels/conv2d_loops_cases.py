"""bench/peers arguments of conv2d_loops."""
STYLE = "loop"
SIZES = {"full": (320, 320, 5), "smoke": (9, 8, 3)}


def args(rng, size):
    h, w, kk = SIZES[size]
    return (rng.random((h, w)), rng.random((kk, kk)) / (kk * kk))


CASES = [("conv2d_loops", lambda rng: args(rng, "smoke"))]
