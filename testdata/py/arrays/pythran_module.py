"""A Pythran-style module as public benchmark suites write them: export
comments continued over several lines, several functions on one line,
computed module constants and a bare string after the imports."""
#pythran export grav_energy(float64[:], float64[:],
#                          float64[:], float64[:])
#pythran export damped(float64[:, :],
#                      float,
#                      int), shift_scale(float32[:], float32)
import numpy as np

"""Physical constants (this bare string is only a comment)."""

G = 6.674e-11 * 1e3
SOFTENING = 1e-3 ** 2
HALF = 1 / 2
STEPS = 2 ** 4


def grav_energy(x, y, z, m):
    """Potential energy of point masses, with loops."""
    n = x.shape[0]
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            dx = x[i] - x[j]
            dy = y[i] - y[j]
            dz = z[i] - z[j]
            e -= G * m[i] * m[j] / np.sqrt(dx * dx + dy * dy + dz * dz + SOFTENING)
    return e


def damped(u, c, k):
    """k damped smoothing steps of a grid (at most STEPS)."""
    v = u.copy()
    for _ in range(min(k, STEPS)):
        v[1:-1, 1:-1] = HALF * v[1:-1, 1:-1] + c * (v[:-2, 1:-1] + v[2:, 1:-1]) / 4.0
    return v


def shift_scale(a, s):
    """a float32 array and a float32 scalar."""
    return (a - s) * s
