"""Boolean-mask indexing, read and write, the way numpy users write it:
selections copy into a 1-D array in C order, stores write through the
mask, and a mask of the wrong shape raises numpy's IndexError."""
import numpy as np


def positives(a: "float64[:]") -> "float64[:]":
    """a[a > 0]: the positive elements, in order."""
    return a[a > 0]


def clamp_negatives(x: "float64[:]") -> "float64[:]":
    """x[x < 0] = 0 on a copy (one fused loop, no mask array)."""
    y = x.copy()
    y[y < 0] = 0
    return y


def outliers(a: "float64[:]") -> "float64[:]":
    """The elements more than two standard deviations from the mean."""
    return a[np.abs(a - a.mean()) > 2 * a.std()]


def count_inside(d: "float64[:]", r: float) -> int:
    """len of a selection."""
    return len(d[d < r])


def band(a: "float64[:]", lo: float, hi: float) -> "float64[:]":
    """Two conditions combined with &."""
    return a[(a >= lo) & (a <= hi)]


def either_end(a: "int64[:]") -> "int64[:]":
    """Two conditions combined with |, on integers."""
    return a[(a < -5) | (a > 5)]


def not_nan(a: "float64[:]") -> "float64[:]":
    """~np.isnan(a): drop the NaNs."""
    return a[~np.isnan(a)]


def with_mask(a: "float64[:]", m: "bool[:]") -> "float64[:]":
    """A mask given as an argument: its length must be a's."""
    return a[m]


def set_with_mask(a: "float64[:]", m: "bool[:]", v: float) -> "float64[:]":
    """a[m] = v in place; the array is returned too."""
    a[m] = v
    return a


def saturate(img: "uint8[:, :]") -> "uint8[:, :]":
    """img[mask] = 255 on a 2-D image."""
    out = img.copy()
    out[img > 200] = 255
    return out


def flatten_selection(a: "float64[:, :]") -> "float64[:]":
    """A 2-D mask selects in C order into a 1-D array."""
    return a[a > 0.5]


def add_where(a: "float64[:]", v: float) -> "float64[:]":
    """a[mask] += v (each selected element once)."""
    b = a.copy()
    b[b > 0] += v
    return b


def scale_where(a: "int64[:, :]") -> "int64[:, :]":
    """a[mask] *= 3 on a matrix."""
    b = a.copy()
    b[b % 2 == 0] *= 3
    return b


def assign_array(a: "float64[:]", v: "float64[:]") -> "float64[:]":
    """a[mask] = v: v has one value per true element, or one value."""
    b = a.copy()
    b[b > 0] = v
    return b


def assign_selected(a: "float64[:]", c: "float64[:]") -> "float64[:]":
    """a[m] = a[m] ** 2 + c[m], Mandelbrot's update."""
    m = np.abs(a) <= 1.0
    a[m] = a[m] ** 2 + c[m]
    return a


def rows_where(a: "float64[:, :]", m: "bool[:]") -> "float64[:, :]":
    """a[mask, :]: whole rows."""
    return a[m, :]


def rows_where_short(a: "float64[:, :]", m: "bool[:]") -> "float64[:, :]":
    """a[mask] with a 1-D mask on a matrix: rows too."""
    return a[m]


def columns_where(a: "float64[:, :]", m: "bool[:]") -> "float64[:, :]":
    """a[:, mask]: whole columns."""
    return a[:, m]


def row_entries(a: "float64[:, :]", i: int) -> "float64[:]":
    """a[i, mask]: the entries of row i above the row's mean."""
    return a[i, a[i] > a[i].mean()]


def zero_rows(a: "float64[:, :]") -> "float64[:, :]":
    """a[mask, :] = 0: the rows whose sum is negative."""
    b = a.copy()
    b[b.sum(axis=1) < 0, :] = 0.0
    return b


def set_columns(a: "float64[:, :]", m: "bool[:]", v: "float64[:]") -> "float64[:, :]":
    """a[:, mask] = v broadcasts v over the selection (n, count)."""
    b = a.copy()
    b[:, m] = v
    return b


def reversed_mask_store(a: "float64[:]") -> "float64[:]":
    """The mask reads a reversed view of the array it stores into: numpy
    computes the whole mask first."""
    b = a.copy()
    b[b[::-1] > 0] = 0.0
    return b


def mask_of_view(a: "float64[:, :]") -> "float64[:]":
    """A mask on a strided view."""
    v = a[::2, 1:]
    return v[v > 0]


def mask_3d(a: "float64[:, :, :]") -> "float64[:]":
    """A 3-D mask on a 3-D array."""
    return a[a < 0]


def mask_2d_of_3d(a: "float64[:, :, :]") -> "float64[:, :]":
    """A 2-D mask on the first two axes of a 3-D array: rows of the last."""
    return a[a.sum(axis=2) > 0]


def mask_sum(a: "float64[:]") -> float:
    """The selection inside a reduction."""
    return float(np.sum(a[a > 0]))


def complex_mask(z: "complex128[:]") -> "complex128[:]":
    """A mask on complex values."""
    return z[np.abs(z) < 1.0]


def bool_mask_store(m: "bool[:]") -> "bool[:]":
    """A boolean array masked by itself."""
    b = m.copy()
    b[b] = False
    return b


def float32_mask(a: "float32[:]") -> "float32[:]":
    """float32 stays float32."""
    b = a.copy()
    b[b < 0] = 0
    return b[b > 0.25]


def empty_selection(a: "float64[:]") -> int:
    """A mask selecting nothing gives an empty array."""
    return a[a > 1e300].shape[0]
