"""Array creation: zeros, ones, empty + fill, full, arange (int and
float), linspace, eye, identity, literal arrays and the *_like family.
Sizes come from int parameters, clamped so every call stays small."""
import numpy as np


def clamp_size(n: int) -> int:
    """Sizes used below: n limited to [0, 1000]."""
    return min(max(n, 0), 1000)


def zeros_vec(n: int) -> "float64[:]":
    """np.zeros(n); numpy rejects negative sizes with ValueError."""
    return np.zeros(min(n, 1000))


def ones_matrix(n: int, m: int) -> "float64[:, :]":
    """np.ones((n, m)) with clamped sizes."""
    return np.ones((min(max(n, 0), 50), min(max(m, 0), 50)))


def int_zeros(n: int) -> "int64[:]":
    """np.zeros with dtype=np.int64."""
    return np.zeros(clamp_size(n), dtype=np.int64)


def full_value(n: int, v: float) -> "float64[:]":
    """np.full(n, v)."""
    return np.full(clamp_size(n), v)


def empty_filled(n: int) -> "float64[:]":
    """np.empty, then every element written: squares of the index."""
    k = clamp_size(n)
    a = np.empty(k)
    for i in range(k):
        a[i] = i * i
    return a


def arange_int(n: int) -> "int64[:]":
    """np.arange(n)."""
    return np.arange(clamp_size(n))


def arange_step(start: int, stop: int) -> "int64[:]":
    """np.arange(start, stop, 3) over a clamped range (may be empty)."""
    return np.arange(min(max(start, -1000), 1000), min(max(stop, -1000), 1000), 3)


def arange_float(n: int) -> "float64[:]":
    """np.arange(0.0, k * 0.1, 0.1): the length follows numpy's ceil rule."""
    k = min(max(n, 0), 200)
    return np.arange(0.0, k * 0.1, 0.1)


def arange_negative_step(n: int) -> "int64[:]":
    """np.arange(k, 0, -2): a counting-down range."""
    return np.arange(clamp_size(n), 0, -2)


def linspace_unit(n: int) -> "float64[:]":
    """np.linspace(0, 1, n) with clamped n."""
    return np.linspace(0.0, 1.0, min(max(n, 0), 500))


def linspace_between(a: float, b: float) -> "float64[:]":
    """Eleven points from a to b (inf and nan as numpy gives them)."""
    return np.linspace(a, b, 11)


def eye_matrix(n: int) -> "float64[:, :]":
    """np.eye(n)."""
    return np.eye(min(max(n, 0), 60))


def identity_scaled(n: int, s: float) -> "float64[:, :]":
    """s * np.identity(n)."""
    return s * np.identity(min(max(n, 0), 60))


def literal_stencil() -> "float64[:]":
    """A literal array: the weights of a 5-point derivative."""
    return np.array([1.0, -8.0, 0.0, 8.0, -1.0]) / 12.0


def literal_int_matrix() -> "int64[:, :]":
    """A literal 2-D int array."""
    return np.array([[1, 2, 3], [4, 5, 6]])


def like_family(x: "float64[:, :]"):
    """zeros_like, ones_like and full_like of the same shape."""
    return np.zeros_like(x), np.ones_like(x), np.full_like(x, 7.5)


def vandermonde(x: "float64[:]", degree: int) -> "float64[:, :]":
    """Columns x**0 .. x**degree (degree clamped to 0..8)."""
    d = min(max(degree, 0), 8)
    v = np.ones((x.shape[0], d + 1))
    for j in range(1, d + 1):
        v[:, j] = v[:, j - 1] * x
    return v


def copy_and_astype(x: "float64[:]") -> "int64[:]":
    """np.copy then astype(np.int64) of finite values (others replaced by 0)."""
    y = np.copy(x)
    y = np.where(np.logical_and(np.isfinite(y), np.abs(y) < 1e15), y, 0.0)
    return y.astype(np.int64)
