"""keepdims=True and np.count_nonzero: reductions that keep the reduced
axes with extent 1, so the result broadcasts back against the operand."""
import numpy as np


def logsumexp_rows(a: "float64[:, :]") -> "float64[:]":
    """The numerically stable log-sum-exp of every row."""
    m = a.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))).ravel()


def softmax_rows(a: "float64[:, :]") -> "float64[:, :]":
    """Rows scaled to sum to one."""
    e = np.exp(a - np.max(a, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def center_columns(a: "float64[:, :]") -> "float64[:, :]":
    """a - a.mean(axis=0, keepdims=True)."""
    return a - a.mean(axis=0, keepdims=True)


def standardize_rows(a: "float64[:, :]") -> "float64[:, :]":
    """(a - mean) / std per row, with keepdims."""
    return (a - a.mean(axis=1, keepdims=True)) / a.std(axis=1, keepdims=True)


def min_keep_3d(a: "int64[:, :, :]") -> "int64[:, :, :]":
    """A middle axis kept with extent 1."""
    return a.min(axis=1, keepdims=True)


def sum_all_keep(a: "float64[:, :]") -> "float64[:, :]":
    """keepdims without axis: shape (1, 1)."""
    return np.sum(a, keepdims=True)


def any_keep(a: "float64[:, :]") -> "bool[:, :]":
    """any along axis 0, kept."""
    return np.any(a > 1.0, axis=0, keepdims=True)


def all_keep_1d(a: "float64[:]") -> "bool[:]":
    """all of a 1-d array, kept: shape (1,)."""
    return np.all(a > -1.0, axis=0, keepdims=True)


def prod_keep(a: "int64[:, :]") -> "int64[:, :]":
    """prod along the last axis, kept."""
    return np.prod(a % 3 + 1, axis=-1, keepdims=True)


def var_keep(a: "float64[:, :]") -> "float64[:, :]":
    """var with ddof and keepdims."""
    return a.var(axis=0, ddof=1, keepdims=True)


def keepdims_false(a: "float64[:, :]") -> "float64[:]":
    """keepdims=False is the plain reduction."""
    return a.sum(axis=0, keepdims=False)


def count_inside(x: "float64[:]", y: "float64[:]") -> int:
    """counts = np.count_nonzero(d < r): Monte Carlo's hit count."""
    return np.count_nonzero(x * x + y * y < 1.0)


def count_nonzero_ints(a: "int64[:]") -> int:
    """Nonzero integers."""
    return np.count_nonzero(a)


def count_nonzero_complex(z: "complex128[:]") -> int:
    """A complex element is nonzero when either part is."""
    return np.count_nonzero(z)


def count_rows(a: "float64[:, :]") -> "int64[:]":
    """count_nonzero along axis 1."""
    return np.count_nonzero(a > 0, axis=1)


def count_keep(a: "float64[:, :]") -> "int64[:, :]":
    """count_nonzero along axis 0, kept."""
    return np.count_nonzero(a > 0, axis=0, keepdims=True)


def count_fraction(a: "float64[:, :]") -> float:
    """A count in float arithmetic."""
    return np.count_nonzero(np.isnan(a)) / max(a.size, 1)


def std_all_keep(a: "float64[:, :]") -> "float64[:, :]":
    """std of every element, kept: shape (1, 1)."""
    return np.std(a, keepdims=True)
