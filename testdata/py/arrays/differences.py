"""np.diff as numerical code uses it: finite differences, increments of
time series, discrete derivatives along either axis."""
import numpy as np


def increments(x: "float64[:]") -> "float64[:]":
    """x[i+1] - x[i]."""
    return np.diff(x)


def second_difference(x: "float64[:]") -> "float64[:]":
    """np.diff(x, 2) (and n=0 is a copy)."""
    return np.diff(x, 2) + np.diff(x, n=0)[:-2] * 0.0


def third_difference_int(x: "int64[:]") -> "int64[:]":
    """Integer differences wrap as numpy's."""
    return np.diff(x, n=3)


def row_differences(m: "float64[:, :]") -> "float64[:, :]":
    """Differences down the columns (axis=0)."""
    return np.diff(m, axis=0)


def col_differences(m: "int32[:, :]") -> "int32[:, :]":
    """Differences along the last axis (the default)."""
    return np.diff(m)


def sign_changes(x: "float64[:]") -> int:
    """Count sign changes through np.diff of a bool array."""
    return int(np.sum(np.diff(x > 0.0)))


def derivative(y: "float64[:]", t: "float64[:]") -> "float64[:]":
    """dy/dt by forward differences."""
    return np.diff(y) / np.diff(t)


def diff_3d(t: "float64[:, :, :]") -> "float64[:, :, :]":
    """Along the middle axis of a 3-d array, twice."""
    return np.diff(t, n=2, axis=1)


def diff_of_view(m: "float64[:, :]") -> "float64[:]":
    """np.diff of a strided column view."""
    return np.diff(m[:, 0])


def total_variation(img: "float64[:, :]") -> float:
    """Anisotropic total variation of an image."""
    return np.sum(np.abs(np.diff(img, axis=0))) + np.sum(np.abs(np.diff(img, axis=1)))
