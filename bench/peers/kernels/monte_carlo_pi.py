"""Monte Carlo estimate of pi from numpy's legacy global generator."""
import numpy as np


def monte_carlo_pi(n: int, seed: int) -> float:
    np.random.seed(seed)
    x = np.random.random(n)
    y = np.random.random(n)
    return 4.0 * np.count_nonzero(x * x + y * y < 1.0) / n
