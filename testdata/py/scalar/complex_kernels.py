"""Complex arithmetic kernels: Mandelbrot, polynomials, cmath functions, abs."""

import cmath
import math


def mandelbrot_escape(c: complex, max_iter: int = 100) -> int:
    """Iterations of z = z*z + c before |z| > 2, capped at max_iter (clamped to [0, 1000])."""
    n = max(0, min(max_iter, 1000))
    z = 0j
    for i in range(n):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return n


def mandel_point(x: float, y: float, max_iter: int = 50) -> int:
    """Mandelbrot escape count for c = x + y*1j built from two floats."""
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError("coordinates must be finite")
    c = x + y * 1j
    return mandelbrot_escape(c, max_iter)


def mandel_grid_count(n: int) -> int:
    """Number of points of an n x n grid over [-2, 0.5] x [-1.25, 1.25] inside the set (n <= 64)."""
    n = max(1, min(n, 64))
    inside = 0
    for i in range(n):
        for j in range(n):
            c = (-2.0 + 2.5 * i / n) + (-1.25 + 2.5 * j / n) * 1j
            if mandelbrot_escape(c, 64) == 64:
                inside += 1
    return inside


def complex_poly(z: complex) -> complex:
    """Horner evaluation of (1+2j) z^3 - 2 z^2 + 0.5j z + 3."""
    r = 1 + 2j
    r = r * z - 2
    r = r * z + 0.5j
    r = r * z + 3
    return r


def quadratic_root(a: complex, b: complex, c: complex) -> complex:
    """One root (-b + sqrt(b^2 - 4ac)) / 2a using cmath.sqrt; a must be nonzero."""
    if a == 0:
        raise ValueError("a must be nonzero")
    disc = b * b - 4 * a * c
    return (-b + cmath.sqrt(disc)) / (2 * a)


def unit_phasor(theta: float) -> complex:
    """cmath.exp(1j * theta) for finite theta."""
    if not math.isfinite(theta):
        raise ValueError("theta must be finite")
    return cmath.exp(1j * theta)


def complex_exp_log(z: complex) -> complex:
    """cmath.exp(cmath.log(z)), which round-trips z; log(0) raises ValueError."""
    return cmath.exp(cmath.log(z))


def complex_sqrt_abs(z: complex) -> float:
    """abs(cmath.sqrt(z)), which equals sqrt(abs(z))."""
    return abs(cmath.sqrt(z))


def complex_abs(z: complex) -> float:
    """Modulus of z via abs()."""
    return abs(z)


def roots_of_unity_sum(n: int) -> float:
    """|sum of exp(2*pi*i*k/n)| for k in [0, n); near zero for n > 1 (n clamped to 10000)."""
    if n <= 0:
        raise ValueError("n must be positive")
    n = min(n, 10000)
    s = 0j
    for k in range(n):
        s += cmath.exp(2j * math.pi * k / n)
    return abs(s)


def complex_power_abs_sum(z: complex, n: int) -> float:
    """Sum of |z**k| for k in [0, n) by repeated multiplication, n clamped to [0, 200]."""
    n = max(0, min(n, 200))
    p = 1 + 0j
    s = 0.0
    for _ in range(n):
        s += abs(p)
        p = p * z
    return s


def complex_div(a: complex, b: complex) -> complex:
    """Complex division a / b (ZeroDivisionError when b == 0)."""
    return a / b
