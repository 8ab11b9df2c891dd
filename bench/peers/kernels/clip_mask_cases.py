"""bench/peers arguments of clip_mask."""
STYLE = "array"
SIZES = {"full": 2_000_000, "smoke": 1000}


def args(rng, size):
    return (rng.standard_normal(SIZES[size]), 1.5)


CASES = [("clip_mask", lambda rng: args(rng, "smoke"))]
