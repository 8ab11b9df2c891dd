"""Array reductions, creation and loops over arrays."""
import numpy as np


def ssq(x: "float64[:]", y: "float64[:]") -> float:
    """Exact pairwise sum: the expression is materialised once."""
    return np.sum((x - y) ** 2)


def isum(x: "int64[:, :]") -> int:
    """Integer sums fuse: one loop nest, no temporary."""
    return np.sum(x * 2 + 1)


def mean_max(x: "float64[:]") -> float:
    """np_mean on the array itself; max propagates NaN."""
    return x.mean() + np.max(x)


def argmax_pos(x: "float64[:]") -> int:
    """argmax of an expression, first NaN wins."""
    return np.argmax(x * x)


def colsum(m: "float64[:, :]") -> "float64[:]":
    """A float sum along an axis keeps numpy's order."""
    return m.sum(axis=0)


def rowmin(m: "int64[:, :]") -> "int64[:]":
    """min along axis 1: the reduced axis innermost."""
    return np.min(m, axis=1)


def cums(a: "float64[:]") -> "float64[:]":
    """A running sum in order."""
    return np.cumsum(a)


def make(n: int) -> "float64[:, :]":
    """zeros, full, eye."""
    a = np.zeros((n, 3))
    b = np.full((n, 3), 1.5)
    return a + b + np.eye(n, 3)


def ranges(n: int) -> "float64[:]":
    """arange (numpy's fill rule) and linspace (numpy 1.24's)."""
    return np.arange(0.0, 1.0, 0.25) + np.linspace(0.0, 1.0, 4)


def shaped(a: "float64[:]") -> "float64[:, :]":
    """reshape: a view when contiguous, else a copy."""
    return a.reshape(2, -1)


def loops(a: "float64[:]", m: "float64[:, :]") -> float:
    """for over elements, enumerate over rows, zip."""
    s = 0.0
    for x in a:
        s += x
    for i, row in enumerate(m):
        s += row[0] * i
    for x, y in zip(a, a[1:]):
        s += x * y
    return s


def dots(a: "float64[:]", b: "float64[:]") -> float:
    """1-d dot and @ with numpy's shape messages."""
    return np.dot(a, b) + a @ b


def matmul(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    """i-k-j loop order."""
    return a @ b
