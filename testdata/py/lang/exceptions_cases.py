"""Inputs for exceptions.py: regular, singular and non-square systems for
solve_or_lstsq, whose error paths random matrices never reach."""
import numpy as np

CASES = []
for _n in (1, 3, 6):
    CASES.append(("solve_or_lstsq", lambda rng, n=_n: (rng.standard_normal((n, n)) + 2 * n * np.eye(n), rng.standard_normal(n))))
CASES.append(("solve_or_lstsq", lambda rng: (np.ones((3, 3)), np.ones(3))))
CASES.append(("solve_or_lstsq", lambda rng: (np.zeros((2, 2)), np.ones(2))))
CASES.append(("solve_or_lstsq", lambda rng: (np.ones((2, 3)), np.ones(2))))
