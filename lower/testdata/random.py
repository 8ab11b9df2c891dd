"""np.random lowers to one Random statement per draw: a scalar temporary
without size, a fresh array with it; choice of an array gathers; a
Generator is a local set by default_rng."""
import numpy as np


def legacy(seed: int, n: int):
    np.random.seed(seed)
    x = np.random.normal(1.0, 2.0)
    a = np.random.randint(5, size=(n, 2))
    return x + np.sum(a)


def gen(seed: int, v: "float64[:]"):
    rng = np.random.default_rng(seed)
    rng.shuffle(v)
    return rng.choice(v, size=3, replace=False)
