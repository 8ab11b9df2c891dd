"""f-strings in print, raise and assert, with the common format specs (issue #12)."""
import math

import numpy as np


def fixed_point(x: float, n: int) -> float:
    """{x:.3f}, {n:5d}, {x:>8.2e}, {x!r}, {x}."""
    print(f"x={x:.3f} n={n:5d} e={x:>8.2e} r={x!r} s={x}")
    print(f"[{x:<10.2f}] [{x:^10.1f}] [{n:+d}] [{n:08d}]")
    return x


def widths(n: int, x: float) -> int:
    """Grouping, percent, general and hex specs."""
    k = n % 100000
    print(f"{k:,} {k:_d} {x:,.2f} {k:x} {k:#o} {k:b}")
    print(f"{x:g} {x:.3g} {x:G} {x:%} {x:.1%} {x:10.4}")
    return k


def newton(a: float) -> float:
    """Newton's iteration for sqrt(a), progress in f-strings."""
    if not a > 0.0 or a > 1e300:
        raise ValueError(f"sqrt of {a} is not a positive finite number")
    x = a if a > 1.0 else 1.0
    for it in range(60):
        nx = 0.5 * (x + a / x)
        err = abs(nx - x)
        print(f"iter {it:2d}: x = {nx:.12f}, |dx| = {err:.3e}")
        if err <= 1e-14 * nx:
            break
        x = nx
    return x


def bisect(lo: float, hi: float) -> float:
    """Bisection for x**3 - 2 on [lo, hi], with an assert on the bracket."""
    flo = lo ** 3 - 2.0
    fhi = hi ** 3 - 2.0
    assert flo * fhi <= 0.0, f"no sign change on [{lo:.2f}, {hi:.2f}]: f = {flo:.3g}, {fhi:.3g}"
    for it in range(100):
        mid = 0.5 * (lo + hi)
        fm = mid ** 3 - 2.0
        if it % 10 == 0:
            print(f"{it:3d} [{lo:.6f}, {hi:.6f}]")
        if fm == 0.0 or hi - lo < 1e-12:
            break
        if flo * fm < 0.0:
            hi = mid
        else:
            lo, flo = mid, fm
    return 0.5 * (lo + hi)


def report(a: "float64[:]") -> float:
    """Arrays, shapes and reductions inside f-strings."""
    n = a.shape[0]
    print(f"n={n} shape={a.shape} a={a}")
    if n == 0:
        return 0.0
    m = float(np.mean(a))
    print(f"mean={m:.4f} max={a.max():.2e} argmax={np.argmax(a)}")
    print(f"repr: {a[:3]!r}")
    return m


def checked_div(a: int, b: int) -> float:
    """raise with an f-string message, caught and shown."""
    try:
        if b == 0:
            raise ZeroDivisionError(f"cannot divide {a} by zero")
        return a / b
    except ZeroDivisionError as e:
        print(f"error: {e}")
        print(f"repr: {e!r}")
        return math.nan


def validate(n: int, x: float) -> int:
    """Uncaught raises with f-string messages."""
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    if x != x:
        raise ValueError(f"x is {x}")
    if abs(x) > 1e6:
        raise OverflowError(f"|x| = {abs(x):.1e} exceeds {1e6:.0e}")
    return n


def escapes(n: int) -> int:
    """Doubled braces, quotes and unicode around fields."""
    print(f"{{n}} = {n}; 'quoted' {n!r} \"{n}\" → {n * 2}")
    print(f"{'x'} {n % 7} {(n, n + 1)} {n > 0} {None}")
    return n


def complex_fmt(z: complex) -> float:
    """Complex numbers in fields."""
    print(f"{z} {z!r} {z:.2f} {z.real:+.3f} {z.imag:.3f}")
    return abs(z)


def numpy_scalars(x: float, n: int) -> float:
    """np.float32 and np.int32 in fields."""
    f = np.float32(x)
    i = np.int32(n % 1000)
    print(f"{f} {f:.3f} {i} {i:4d} {np.float64(x) / 3}")
    return float(f)


def table(n: int) -> int:
    """An aligned table."""
    print(f"{'i':>3} {'i^2':>6} {'sqrt':>10}")
    for i in range(min(abs(n), 6)):
        print(f"{i:>3} {i * i:>6} {math.sqrt(i):>10.6f}")
    return n


def mean_checked(a: "float64[:]", b: "float64[:]") -> float:
    """An assert whose message formats shapes."""
    assert a.shape[0] == b.shape[0], f"size mismatch: {a.shape[0]} != {b.shape[0]}"
    if a.shape[0] == 0:
        return 0.0
    return float(np.dot(a, b)) / a.shape[0]
