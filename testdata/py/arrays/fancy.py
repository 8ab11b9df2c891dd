"""Integer-array (fancy) indexing, read and write: the result has the
index array's shape, negative indices count from the end, an index out
of range raises numpy's IndexError, and a[idx] += v updates a repeated
index once (numpy's buffered semantics, unlike np.add.at)."""
import numpy as np


def gather(data: "float64[:]", idx: "int64[:]") -> "float64[:]":
    """data[idx]: a gather."""
    return data[idx]


def gather_2d_index(data: "float64[:]", idx: "int64[:, :]") -> "float64[:, :]":
    """The result has the index array's shape."""
    return data[idx]


def gather_int32(data: "int32[:]", idx: "int32[:]") -> "int32[:]":
    """An int32 index array into an int32 array."""
    return data[idx]


def gather_scaled(a: "float64[:]", idx: "int64[:]", w: "float64[:]") -> "float64[:]":
    """A gather inside an elementwise expression."""
    return a[idx] * w + 1.0


def last_ones(a: "float64[:]") -> "float64[:]":
    """Negative indices from np.arange."""
    return a[np.arange(-3, 0)]


def every_other(a: "int64[:]") -> "int64[:]":
    """An index array computed from the array's length."""
    return a[np.arange(0, a.shape[0], 2)]


def scatter_scalar(a: "float64[:]", idx: "int64[:]") -> "float64[:]":
    """a[idx] = 0 on a copy."""
    b = a.copy()
    b[idx] = 0.0
    return b


def scatter_array(a: "float64[:]", idx: "int64[:]", v: "float64[:]") -> "float64[:]":
    """a[idx] = v: v broadcasts to idx's shape; the last of repeated
    indices wins."""
    b = a.copy()
    b[idx] = v
    return b


def scatter_add(a: "float64[:]", idx: "int64[:]", v: "float64[:]") -> "float64[:]":
    """a[idx] += v: a repeated index gets one update."""
    b = a.copy()
    b[idx] += v
    return b


def scatter_increment(counts: "int64[:]", idx: "int64[:]") -> "int64[:]":
    """counts[idx] += 1 is not a histogram (that is np.add.at)."""
    c = counts.copy()
    c[idx] += 1
    return c


def take_rows(m: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """m[idx, :]: rows."""
    return m[idx, :]


def take_rows_short(m: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """m[idx] on a matrix: rows too."""
    return m[idx]


def take_columns(m: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """m[:, idx]: columns."""
    return m[:, idx]


def row_entries(m: "float64[:, :]", i: int, idx: "int64[:]") -> "float64[:]":
    """m[i, idx]: an integer and an index array (adjacent)."""
    return m[i, idx]


def column_entries(m: "float64[:, :]", idx: "int64[:]", j: int) -> "float64[:]":
    """m[idx, j]."""
    return m[idx, j]


def separated(a: "float64[:, :, :]", idx: "int64[:]") -> "float64[:, :]":
    """a[0, :, idx]: the integer and the array are not adjacent, so the
    index axis comes first (numpy's rule)."""
    return a[0, :, idx]


def permute_rows(m: "float64[:, :]") -> "float64[:, :]":
    """Reverse the rows through an index array."""
    return m[np.arange(m.shape[0] - 1, -1, -1)]


def set_rows(m: "float64[:, :]", idx: "int64[:]", v: float) -> "float64[:, :]":
    """m[idx, :] = v."""
    b = m.copy()
    b[idx, :] = v
    return b


def set_columns(m: "float64[:, :]", idx: "int64[:]", v: "float64[:, :]") -> "float64[:, :]":
    """m[:, idx] = v with v broadcast to (rows, len(idx))."""
    b = m.copy()
    b[:, idx] = v
    return b


def add_columns(m: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """m[:, idx] += 1."""
    b = m.copy()
    b[:, idx] += 1.0
    return b


def self_index(a: "int64[:]") -> "int64[:]":
    """a[a] = 0: the indices are read before any store."""
    b = a.copy() % a.shape[0]
    b[b] = 0
    return b


def shift_left(a: "float64[:]") -> "float64[:]":
    """a[idx] = a: the value reads the destination."""
    b = a.copy()
    n = b.shape[0]
    b[np.arange(n) - 1] = b
    return b


def lookup_table(img: "uint8[:, :]", lut: "uint8[:]") -> "uint8[:, :]":
    """lut[img]: a uint8 image through a lookup table."""
    return lut[img]


def take_1d(a: "float64[:]", idx: "int64[:]") -> "float64[:]":
    """np.take of a 1-D array."""
    return np.take(a, idx)


def gather_mean(a: "float64[:]", idx: "int64[:]") -> float:
    """A gather inside a reduction."""
    return float(a[idx].mean())


def self_index_int32(a: "int32[:]") -> "int32[:]":
    """An int32 index array is cast to intp first (a copy): the stores do
    not change the indices, unlike int64's."""
    b = a % np.int32(max(a.shape[0], 1))
    b[b] = 0
    return b


def take_axis(m: "float64[:, :]", idx: "int64[:]") -> "float64[:, :]":
    """np.take along axis 1."""
    return np.take(m, idx, axis=1)


def take_method(a: "float64[:]", idx: "int64[:, :]") -> "float64[:, :]":
    """a.take(idx) with a 2-D index array."""
    return a.take(idx)
