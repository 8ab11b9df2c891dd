"""Lambdas and nested functions bound to locals, reading enclosing
variables, passed to module functions and called there (issue #12)."""
import math

import numpy as np


def newton(f, fprime, x0, tol=1e-12, maxiter=60):
    """The textbook Newton iteration, with function arguments."""
    x = x0
    for _ in range(maxiter):
        d = fprime(x)
        if d == 0.0:
            break
        step = f(x) / d
        x = x - step
        if abs(step) < tol:
            break
    return x


def solve_tanh(c: float) -> float:
    """The issue's example: fprime = lambda x: 1 - np.tanh(x) ** 2."""
    c = min(max(c, -0.9), 0.9)
    f = lambda x: np.tanh(x) - c
    fprime = lambda x: 1 - np.tanh(x) ** 2
    return newton(f, fprime, 0.0)


def cube_root(a: float) -> float:
    """Nested defs reading the enclosing parameter."""
    if not math.isfinite(a) or abs(a) > 1e100 or abs(a) < 1e-100:
        return 0.0

    def f(x):
        return x * x * x - a

    def df(x):
        return 3 * x * x
    return newton(f, df, 1.0 if a >= 0 else -1.0)


def apply_twice(a: "float64[:]", k: float) -> float:
    scale = lambda v: v * k
    s = 0.0
    for x in a:
        s += scale(scale(x))
    return s


def _sq(v):
    return v * v


def _sum_of(g, xs):
    return sum(g(x) for x in xs)


def sum_sq(a: "float64[:]") -> float:
    """A module function and a lambda passed to the same helper."""
    return _sum_of(_sq, a) + _sum_of(lambda t: abs(t), a)


def _integrate(f, a, b, n=64):
    """Composite trapezoid rule."""
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def gaussian_mass(mu: float, sigma: float) -> float:
    if not (0.1 <= abs(sigma) <= 10.0) or abs(mu) > 100:
        return 0.0
    norm = 1.0 / (abs(sigma) * math.sqrt(2 * math.pi))
    pdf = lambda x: norm * math.exp(-0.5 * ((x - mu) / sigma) ** 2)
    return _integrate(pdf, mu - 3 * abs(sigma), mu + 3 * abs(sigma))


def poly_area(c0: float, c1: float, c2: float) -> float:
    """A nested def with a default argument, called with keywords."""
    def p(x, scale=1.0):
        return scale * (c0 + c1 * x + c2 * x * x)
    return _integrate(p, 0.0, 1.0, n=16) + p(2.0, scale=0.5) + p(x=1.0)


def late_binding(n: int) -> int:
    """A lambda reads the variable when called, not when made."""
    k = 1
    f = lambda x: x * k
    total = 0
    for k in range(min(abs(n), 100)):
        total += f(2)
    return total


def count_if(a: "float64[:]", t: float) -> int:
    above = lambda v: v > t
    n = 0
    for v in a:
        if above(v):
            n += 1
    return n


def compose(x: float) -> float:
    """Lambdas calling lambdas."""
    inc = lambda v: v + 1.0
    dbl = lambda v: 2.0 * v
    both = lambda v: dbl(inc(v))
    return both(x) + (lambda v: v - 1.0)(x)
