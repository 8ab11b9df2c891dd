"""bench/peers arguments of f32_blend."""
import numpy as np

STYLE = "array"
NUMEXPR = "alpha * x + (1.0 - alpha) * y + 0.5 * x * y"
# numexpr would compute in float64 with a Python float; a numexpr user
# passes a float32 scalar to stay in float32.
NUMEXPR_VARS = {"alpha": "np.float32(alpha)"}
SIZES = {"full": 4_000_000, "smoke": 1000}


def args(rng, size):
    n = SIZES[size]
    return (rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32), 0.3)


CASES = [("f32_blend", lambda rng: args(rng, "smoke"))]
