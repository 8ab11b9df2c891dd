"""Kernels annotated with numpy.typing's NDArray: the dtype comes from the
annotation, the rank from how each array is used."""
import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray


def total(a: npt.NDArray[np.float64]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def row_sums(m: NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out = np.zeros(m.shape[0])
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            out[i] += m[i][j]
    return out


def trace3(t: npt.NDArray[np.int32]) -> int:
    """A rank-3 array: the rank comes from the unpacked shape."""
    n, k, l = t.shape
    s = 0
    for i in range(min(n, k, l)):
        s += int(t[i, i, i])
    return s


def normalize(v: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The rank of v comes from passing it to total32's parameter."""
    return v / (total32(v) + np.float32(1))


def total32(v: "float32[:]") -> np.float32:
    return np.sum(np.abs(v))


def count_true(mask: npt.NDArray[np.bool_]) -> int:
    c = 0
    for i in range(len(mask)):
        if mask[i]:
            c += 1
    return c


def outer_add(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    r: npt.NDArray[np.float64] = np.empty((a.shape[0], b.shape[0]))
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            r[i, j] = a[i] + b[j]
    return r


def col_max(m: npt.NDArray[np.float64]) -> float:
    """m's rank comes through its alias row (row[j] makes m 2-d)."""
    best = -np.inf
    for row in m:
        for j in range(len(row)):
            if row[j] > best:
                best = row[j]
    return best


def mean_rows(m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """axis=1 needs a 2-d array."""
    return m.mean(axis=1)
