"""Kernels of a 1-D heat-conduction simulation: an initial temperature
profile, explicit time steps of u_t = u_xx with the ends held at zero, the
step written as a matrix, and the norms that show the solution decaying.

The file is plain Python: CPython with numpy runs it as it is (python3
kernels.py), and pyc2go compiles it to kernels.go."""
import numpy as np


def initial_condition(n: int, width: float) -> "float64[:]":
    """A Gaussian bump of the given width centred on [0, 1], sampled at n
    equally spaced points, with both ends set to zero."""
    if n < 3:
        raise ValueError("initial_condition: need at least 3 grid points")
    if width <= 0.0:
        raise ValueError("initial_condition: width must be positive")
    x = np.linspace(0.0, 1.0, n)
    u = np.exp(-(((x - 0.5) / width) ** 2))
    u[0] = 0.0
    u[n - 1] = 0.0
    return u


def heat_step(u: "float64[:]", r: float) -> "float64[:]":
    """One explicit (forward Euler, central difference) step of the heat
    equation on a copy of u, with the end points held fixed. r is
    dt / dx**2; the scheme is stable only for 0 <= r <= 0.5."""
    if r < 0.0 or r > 0.5:
        raise ValueError("heat_step: r must be in [0, 0.5] for a stable step")
    v = u.copy()
    v[1:-1] = u[1:-1] + r * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return v


def heat_run(u: "float64[:]", r: float, steps: int) -> None:
    """Advances u by steps heat steps, in place."""
    if steps < 0:
        raise ValueError("heat_run: steps must be non-negative")
    for _ in range(steps):
        u[:] = heat_step(u, r)


def step_matrix(n: int, r: float) -> "float64[:, :]":
    """The n x n matrix A of one heat step, so that heat_step(u, r) equals
    A @ u up to rounding: a tridiagonal (r, 1 - 2r, r) with the first and
    last rows of the identity."""
    a = np.zeros((n, n))
    if n == 0:
        return a
    a[0, 0] = 1.0
    a[n - 1, n - 1] = 1.0
    for i in range(1, n - 1):
        a[i, i - 1] = r
        a[i, i] = 1.0 - 2.0 * r
        a[i, i + 1] = r
    return a


def total_heat(u: "float64[:]", dx: float) -> float:
    """The integral of u by the trapezoidal rule on a grid of spacing dx."""
    n = u.shape[0]
    if n < 2:
        raise ValueError("total_heat: need at least 2 grid points")
    s = 0.5 * (u[0] + u[n - 1])
    for i in range(1, n - 1):
        s += u[i]
    return s * dx


def l2_norm(u: "float64[:]", dx: float) -> float:
    """The discrete L2 norm sqrt(dx * sum(u**2)), which every stable step
    decreases."""
    return np.sqrt(dx * np.sum(u * u))


def max_norm(u: "float64[:]") -> float:
    """The largest absolute value of u (numpy's ValueError when u is
    empty)."""
    return np.max(np.abs(u))


if __name__ == "__main__":
    n = 41
    u = initial_condition(n, 0.1)
    dx = 1.0 / (n - 1)
    for _ in range(5):
        print(total_heat(u, dx), l2_norm(u, dx), max_norm(u))
        heat_run(u, 0.4, 50)
