"""np.cov with numpy's steps: rows as variables (columns with
rowvar=False), divisor N - ddof (ddof=1 by default, 0 with bias=True, 0
when it would be negative, giving inf and NaN as numpy does)."""
import numpy as np


def cov_rows(a: "float64[:, :]") -> "float64[:, :]":
    """Each row a variable."""
    return np.cov(a)


def cov_columns(a: "float64[:, :]") -> "float64[:, :]":
    """Each column a variable."""
    return np.cov(a, rowvar=False)


def cov_biased_ints(a: "int64[:, :]") -> "float64[:, :]":
    """Integers, divided by N."""
    return np.cov(a, bias=True)


def cov_ddof(a: "float64[:, :]", d: int) -> "float64[:, :]":
    """A run-time ddof (N - ddof <= 0 divides by zero: inf, NaN)."""
    return np.cov(a, ddof=d)


def correlation(a: "float64[:, :]") -> "float64[:, :]":
    """The correlation matrix from the covariance."""
    c = np.cov(a)
    d = np.sqrt((c * np.eye(c.shape[0])) @ np.ones(c.shape[0]))
    return c / d[:, None] / d[None, :]


def cov_of_view(a: "float32[:, :]") -> "float64[:, :]":
    """float32 data (computed in float64), through a strided view."""
    return np.cov(a[::2, :], rowvar=True)
