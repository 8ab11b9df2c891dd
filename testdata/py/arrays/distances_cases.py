"""Inputs for distances.py where the shared generated shapes do not fit:
nearest_row needs x and q with the same number of columns, and
arc_distance is meant for angles."""
import numpy as np


def _angles(n):
    def make(rng):
        return (rng.uniform(-np.pi / 2, np.pi / 2, n), rng.uniform(-np.pi, np.pi, n),
                rng.uniform(-np.pi / 2, np.pi / 2, n), rng.uniform(-np.pi, np.pi, n))
    return make


def _nearest(n, k, d):
    return lambda rng: (rng.standard_normal((n, d)), rng.standard_normal((k, d)))


CASES = []
for _name in ("arc_distance", "arc_distance_loop"):
    for _n in (0, 1, 5, 17, 100):
        CASES.append((_name, _angles(_n)))
    # antipodal and identical points
    CASES.append((_name, lambda rng: (np.array([0.0, 0.5]), np.array([0.0, 1.0]),
                                      np.array([0.0, 0.5]), np.array([np.pi, 1.0]))))
for _s in [(5, 3, 2), (1, 1, 1), (17, 4, 3), (8, 0, 5), (0, 2, 2), (100, 10, 3)]:
    CASES.append(("nearest_row", _nearest(*_s)))

# x @ x.T goes to BLAS: finite inputs only (see linalg_cases.py).
for _n, _d in [(5, 5), (3, 5), (100, 17), (17, 8), (1, 1), (0, 3), (4, 0)]:
    CASES.append(("pairwise_dot_trick", lambda rng, n=_n, d=_d: (rng.standard_normal((n, d)) * 10,)))
