"""Stencils: explicit time steps of the 1-D heat equation (whole-array and
loop style), the 2-D 5-point Laplacian, smoothing and differences."""
import numpy as np


def heat_step(u: "float64[:]", c: float) -> "float64[:]":
    """One explicit heat-equation step on a copy; the ends stay fixed."""
    v = u.copy()
    if v.shape[0] >= 3:
        v[1:-1] = v[1:-1] + c * (v[2:] - 2 * v[1:-1] + v[:-2])
    return v


def heat_steps_inplace(u: "float64[:]", c: float, steps: int) -> None:
    """Several heat steps applied to u in place. The right-hand side reads
    the old values: numpy evaluates it before the store."""
    if u.shape[0] < 3:
        return
    for _ in range(min(max(steps, 0), 20)):
        u[1:-1] = u[1:-1] + c * (u[2:] - 2 * u[1:-1] + u[:-2])


def heat_step_loop(u: "float64[:]", c: float) -> "float64[:]":
    """The heat step with an explicit loop into a new array."""
    n = u.shape[0]
    v = np.empty(n)
    for i in range(n):
        if i == 0 or i == n - 1:
            v[i] = u[i]
        else:
            v[i] = u[i] + c * (u[i + 1] - 2 * u[i] + u[i - 1])
    return v


def heat_augmented(u: "float64[:]", c: float) -> None:
    """u[1:-1] += c * laplacian: augmented slice assignment whose operand
    overlaps the destination."""
    if u.shape[0] >= 3:
        u[1:-1] += c * (u[2:] - 2 * u[1:-1] + u[:-2])


def laplacian_5pt(u: "float64[:, :]") -> "float64[:, :]":
    """5-point Laplacian of the interior; the border is zero."""
    out = np.zeros_like(u)
    if u.shape[0] >= 3 and u.shape[1] >= 3:
        out[1:-1, 1:-1] = (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:]
                           - 4.0 * u[1:-1, 1:-1])
    return out


def laplacian_loops(u: "float64[:, :]") -> "float64[:, :]":
    """The 5-point Laplacian with two nested loops."""
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]
    return out


def jacobi_sweeps(u: "float64[:, :]", sweeps: int) -> "float64[:, :]":
    """Jacobi relaxation of Laplace's equation with fixed borders."""
    v = u.copy()
    if v.shape[0] < 3 or v.shape[1] < 3:
        return v
    for _ in range(min(max(sweeps, 0), 10)):
        v[1:-1, 1:-1] = 0.25 * (v[:-2, 1:-1] + v[2:, 1:-1] + v[1:-1, :-2] + v[1:-1, 2:])
    return v


def smooth3(x: "float64[:]") -> "float64[:]":
    """Three-point moving average of the interior (length n - 2)."""
    if x.shape[0] < 3:
        return np.zeros(0)
    return (x[:-2] + x[1:-1] + x[2:]) / 3.0


def forward_diff(x: "float64[:]") -> "float64[:]":
    """x[1:] - x[:-1]."""
    return x[1:] - x[:-1]


def central_diff_loop(x: "float64[:]", h: float) -> "float64[:]":
    """Central differences of the interior, h must not be zero."""
    if h == 0.0:
        raise ZeroDivisionError("step h is zero")
    n = x.shape[0]
    if n < 3:
        return np.zeros(0)
    d = np.empty(n - 2)
    for i in range(1, n - 1):
        d[i - 1] = (x[i + 1] - x[i - 1]) / (2.0 * h)
    return d


def wave_step(u: "float64[:]", u_prev: "float64[:]", r: float) -> "float64[:]":
    """Leapfrog step of the 1-D wave equation (r = (c dt / dx) ** 2)."""
    if u.shape[0] != u_prev.shape[0]:
        raise ValueError("wave_step: lengths differ")
    nxt = np.zeros_like(u)
    if u.shape[0] >= 3:
        nxt[1:-1] = 2.0 * u[1:-1] - u_prev[1:-1] + r * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return nxt


def upwind_f32(u: "float32[:]", c: np.float32) -> "float32[:]":
    """First-order upwind advection step in float32."""
    v = u.copy()
    v[1:] = u[1:] - c * (u[1:] - u[:-1])
    return v
