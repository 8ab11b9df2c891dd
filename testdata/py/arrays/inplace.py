"""In-place kernels: they mutate an argument and return None; the caller
sees the change (verify compares the arguments after the call)."""
import numpy as np


def scale_inplace(x: "float64[:]", c: float) -> None:
    """x *= c through an augmented assignment on the whole array."""
    x *= c


def add_inplace_loop(x: "float64[:]", y: "float64[:]") -> None:
    """x[i] += y[i] element by element."""
    if x.shape[0] != y.shape[0]:
        raise ValueError("add_inplace_loop: lengths differ")
    for i in range(x.shape[0]):
        x[i] += y[i]


def fill_diagonal(m: "float64[:, :]", v: float) -> None:
    """m[i, i] = v on the main diagonal."""
    for i in range(min(m.shape[0], m.shape[1])):
        m[i, i] = v


def zero_border(m: "float64[:, :]") -> None:
    """Set the first and last row and column to 0 through slices."""
    if m.shape[0] == 0 or m.shape[1] == 0:
        return
    m[0, :] = 0.0
    m[-1, :] = 0.0
    m[:, 0] = 0.0
    m[:, -1] = 0.0


def add_row_vector(m: "float64[:, :]", v: "float64[:]") -> None:
    """m[i, :] += v for every row (v must have m's column count)."""
    for i in range(m.shape[0]):
        m[i, :] += v


def clamp_inplace(x: "float64[:]", lo: float, hi: float) -> None:
    """Masked stores: x[x < lo] would need boolean indexing, so loop."""
    for i in range(x.shape[0]):
        if x[i] < lo:
            x[i] = lo
        if x[i] > hi:
            x[i] = hi


def normalize_inplace(x: "float64[:]") -> None:
    """Divide x by its sum when the sum is nonzero."""
    s = np.sum(x)
    if s != 0.0:
        x /= s


def counts_inplace(counts: "int64[:]", labels: "int64[:]") -> None:
    """Accumulate label counts into an existing array."""
    n = counts.shape[0]
    for v in labels:
        if v >= 0 and v < n:
            counts[v] += 1


def shift_left(x: "float64[:]") -> None:
    """x[:-1] = x[1:]: overlapping forward copy, last element kept."""
    if x.shape[0] > 1:
        x[:-1] = x[1:]


def shift_right(x: "float64[:]") -> None:
    """x[1:] = x[:-1]: the overlap runs backwards, as if through a temporary."""
    if x.shape[0] > 1:
        x[1:] = x[:-1]


def swap_rows(m: "float64[:, :]", i: int, j: int) -> None:
    """Swap rows i and j (negative indices allowed; out of range raises
    IndexError)."""
    t = m[i, :].copy()
    m[i, :] = m[j, :]
    m[j, :] = t


def transpose_inplace(m: "float64[:, :]") -> None:
    """Transpose a square matrix in place; other shapes raise."""
    n = m.shape[0]
    if m.shape[1] != n:
        raise ValueError("transpose_inplace: matrix is not square")
    for i in range(n):
        for j in range(i + 1, n):
            t = m[i, j]
            m[i, j] = m[j, i]
            m[j, i] = t


def update_and_report(x: "float64[:]", c: float) -> float:
    """Mutates x (x += c) and returns the new total: both are compared."""
    x += c
    return np.sum(x)


def uint8_saturating_add(img: "uint8[:]", v: int) -> None:
    """Add v to every byte, saturating at 255 (v clamped to 0..255)."""
    k = min(max(v, 0), 255)
    for i in range(img.shape[0]):
        s = int(img[i]) + k
        if s > 255:
            s = 255
        img[i] = s


def bool_toggle(mask: "bool[:]") -> None:
    """Flip every flag in place with np.logical_not into the same array."""
    mask[:] = np.logical_not(mask)
