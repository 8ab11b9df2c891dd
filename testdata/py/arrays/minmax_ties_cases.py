"""Inputs for minmax_ties.py: signed-zero ties and NaNs at the same
positions of both operands, which random inputs almost never produce."""
import numpy as np

_POOL = [0.0, -0.0, 1.0, -1.0, np.nan, np.inf, -np.inf]


def _pair(n):
    return lambda rng: (rng.choice(_POOL, n), rng.choice(_POOL, n))


def _one(shape):
    return lambda rng: (rng.choice(_POOL, shape),)


CASES = []
for _name in ("mx", "mn", "fmx", "fmn"):
    CASES.append((_name, lambda rng: (np.array([-0.0, 0.0, np.nan, 1.0, np.nan]), np.array([0.0, -0.0, 1.0, np.nan, np.nan]))))
    for _n in (0, 1, 7, 64):
        CASES.append((_name, _pair(_n)))
CASES.append(("relu_first", lambda rng: (np.array([-0.0, 0.0, np.nan, -1.0, 2.0]),)))
for _name in ("max_all", "argmax_first"):
    CASES.append((_name, lambda rng: (np.array([0.0, -0.0]),)))
    CASES.append((_name, lambda rng: (np.array([-0.0, 0.0]),)))
    CASES.append((_name, lambda rng: (np.array([-0.0, np.nan, 0.0, np.nan]),)))
    CASES.append((_name, lambda rng: (np.zeros(0),)))
    for _n in (1, 5, 33):
        CASES.append((_name, lambda rng, n=_n: (rng.choice([0.0, -0.0], n),)))
for _name in ("min_axis0", "max_axis1"):
    CASES.append((_name, lambda rng: (np.array([[0.0, -0.0], [-0.0, 0.0], [0.0, np.nan]]),)))
    for _s in ((0, 3), (3, 0), (4, 5), (17, 3)):
        CASES.append((_name, _one(_s)))
