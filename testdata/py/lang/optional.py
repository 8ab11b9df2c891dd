"""None defaults and `is None` tests, as numpy code writes them (issue #12)."""
import numpy as np


def scale(x: "float64[:]", k: float, out: "float64[:]" = None) -> "float64[:]":
    """out=None allocates the result; an array is written in place."""
    if out is None:
        out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = x[i] * k
    return out


def axpy_into(a: float, x: "float64[:]", y: "float64[:]", out: "float64[:] | None" = None) -> float:
    """The PEP 604 spelling; returns the sum of what was written."""
    if out is not None:
        out[:] = a * x + y
        return float(out.sum())
    return float((a * x + y).sum())


def _argmin(xs):
    best = None
    best_i = -1
    for i in range(len(xs)):
        if best is None or xs[i] < best:
            best = xs[i]
            best_i = i
    return best_i


def first_min(a: "float64[:]") -> int:
    """Index of the first smallest element (-1 when empty); NaN never wins."""
    return _argmin(a)


def _weighted_norm(v, w=None):
    if w is None:
        return np.sqrt(np.sum(v * v))
    return np.sqrt(np.sum(w * v * v))


def norms(a: "float64[:]", b: "float64[:]") -> float:
    """A helper specialised for w=None and for an array w."""
    return _weighted_norm(a) + _weighted_norm(a, b)


def _find(xs, v):
    for i in range(len(xs)):
        if xs[i] == v:
            return i
    return None


def count_found(a: "float64[:]", b: "float64[:]") -> int:
    """Sum of the positions in a of the elements of b found there."""
    n = 0
    for v in b:
        j = _find(a, v)
        if j is not None:
            n += j
    return n


def _clip(x, lo=None, hi=None):
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x


def clip_sum(a: "float64[:]", lo: float, hi: float) -> float:
    """The same helper with no bound, one and both."""
    s = 0.0
    for v in a:
        s += _clip(v) + _clip(v, lo) + _clip(v, hi=hi) + _clip(v, lo, hi)
    return s


def running_max(a: "int64[:]") -> int:
    """Largest element, or raises when there is none."""
    best = None
    for v in a:
        if best is None or v > best:
            best = v
    if best is None:
        raise ValueError("empty array")
    return best
