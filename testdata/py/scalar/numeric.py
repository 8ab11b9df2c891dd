"""Classic numerical methods on scalars: root finding and quadrature."""

import math


def newton_sqrt(x: float) -> float:
    """Square root by Newton's iteration from above, stopping once it stops decreasing (<= 2000 steps); x >= 0."""
    if x < 0.0:
        raise ValueError("x must be non-negative")
    if x == 0.0:
        return x
    guess = x if x > 1.0 else 1.0
    for _ in range(2000):
        nxt = 0.5 * (guess + x / guess)
        if nxt >= guess:
            break
        guess = nxt
    return guess


def cubic(x: float) -> float:
    """The test polynomial x**3 - x - 2 evaluated with multiplications."""
    return x * x * x - x - 2.0


def bisection_root(lo: float, hi: float, tol: float = 1e-12) -> float:
    """Root of cubic() in [lo, hi] by bisection, at most 200 halvings."""
    flo = cubic(lo)
    fhi = cubic(hi)
    if flo * fhi > 0.0:
        raise ValueError("root not bracketed")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        fmid = cubic(mid)
        if fmid == 0.0 or abs(hi - lo) < tol:
            return mid
        if (fmid < 0.0) == (flo < 0.0):
            lo = mid
            flo = fmid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def secant_root(x0: float, x1: float) -> float:
    """Root of cos(x) - x by the secant method from finite starting points."""
    if not (math.isfinite(x0) and math.isfinite(x1)):
        raise ValueError("starting points must be finite")
    f0 = math.cos(x0) - x0
    f1 = math.cos(x1) - x1
    for _ in range(100):
        denom = f1 - f0
        if denom == 0.0:
            break
        x2 = x1 - f1 * (x1 - x0) / denom
        x0 = x1
        f0 = f1
        x1 = x2
        if not math.isfinite(x1):
            raise ValueError("secant iteration diverged")
        f1 = math.cos(x1) - x1
        if abs(x1 - x0) < 1e-15:
            break
    return x1


def trapezoid_poly(a: float, b: float, n: int) -> float:
    """Composite trapezoid rule for 3x^2 + 2x + 1 on [a, b] with n panels (<= 10000)."""
    if n <= 0:
        raise ValueError("n must be positive")
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("bounds must be finite")
    n = min(n, 10000)
    h = (b - a) / n
    s = 0.5 * (3.0 * a * a + 2.0 * a + 1.0) + 0.5 * (3.0 * b * b + 2.0 * b + 1.0)
    for i in range(1, n):
        x = a + i * h
        s += 3.0 * x * x + 2.0 * x + 1.0
    return s * h


def simpson_sin(a: float, b: float, n: int = 100) -> float:
    """Composite Simpson rule for math.sin on [a, b]; n is rounded up to even, <= 10000."""
    if n <= 0:
        raise ValueError("n must be positive")
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("bounds must be finite")
    n = min(n, 10000)
    if n % 2 == 1:
        n += 1
    h = (b - a) / n
    s = math.sin(a) + math.sin(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            s += 4.0 * math.sin(x)
        else:
            s += 2.0 * math.sin(x)
    return s * h / 3.0


def midpoint_exp(a: float, b: float, n: int):
    """Midpoint rule for exp(-x*x) on [a, b]; n clamped to [1, 10000]."""
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("bounds must be finite")
    n = max(1, min(n, 10000))
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        x = a + (i + 0.5) * h
        s += math.exp(-x * x)
    return s * h


def central_diff_sin(x: float, h: float = 1e-5) -> float:
    """Central-difference derivative of sin at x (approximates cos(x))."""
    if h == 0.0:
        raise ValueError("h must be nonzero")
    if not (math.isfinite(x) and math.isfinite(h)):
        raise ValueError("x and h must be finite")
    return (math.sin(x + h) - math.sin(x - h)) / (2.0 * h)


def fixed_point_cos(x0: float) -> float:
    """Fixed point of cos by plain iteration (Dottie number), at most 1000 steps."""
    if not math.isfinite(x0):
        raise ValueError("x0 must be finite")
    x = x0
    for _ in range(1000):
        nxt = math.cos(x)
        if abs(nxt - x) < 1e-15:
            return nxt
        x = nxt
    return x
