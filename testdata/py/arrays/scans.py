"""Scans and reorderings: prefix sums and products, running extrema,
reversal with negative steps and strided slices."""
import numpy as np


def prefix_sum_loop(x: "float64[:]") -> "float64[:]":
    """Inclusive prefix sum with a loop."""
    out = np.empty_like(x)
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
        out[i] = s
    return out


def prefix_sum_np(x: "float64[:]") -> "float64[:]":
    """np.cumsum."""
    return np.cumsum(x)


def prefix_sum_int(a: "int64[:]") -> "int64[:]":
    """Integer prefix sums with a.cumsum()."""
    return a.cumsum()


def exclusive_scan(a: "int64[:]") -> "int64[:]":
    """Exclusive prefix sum: out[0] = 0, out[i] = a[0] + ... + a[i-1]."""
    out = np.zeros(a.shape[0] + 1, dtype=np.int64)
    out[1:] = np.cumsum(a)
    return out


def cumsum_rows(m: "float64[:, :]") -> "float64[:, :]":
    """Prefix sums along every row."""
    return np.cumsum(m, axis=1)


def cumsum_cols(m: "float64[:, :]") -> "float64[:, :]":
    """Prefix sums down every column."""
    return m.cumsum(axis=0)


def cumprod_np(x: "float64[:]") -> "float64[:]":
    """np.cumprod."""
    return np.cumprod(x)


def running_max(x: "float64[:]") -> "float64[:]":
    """Running maximum with a loop (a NaN never wins a comparison)."""
    out = x.copy()
    for i in range(1, x.shape[0]):
        if out[i - 1] > out[i]:
            out[i] = out[i - 1]
    return out


def reverse_copy(x: "float64[:]") -> "float64[:]":
    """x[::-1] copied into a new array."""
    return x[::-1].copy()


def reverse_inplace(x: "float64[:]") -> None:
    """Reverse x in place by swapping."""
    n = x.shape[0]
    for i in range(n // 2):
        t = x[i]
        x[i] = x[n - 1 - i]
        x[n - 1 - i] = t


def reverse_slice_assign(x: "float64[:]") -> None:
    """x[:] = x[::-1]: the source overlaps the destination backwards."""
    x[:] = x[::-1]


def every_other_reversed(x: "float64[:]") -> "float64[:]":
    """x[::-2] * 1.0: a negative-step view used in arithmetic."""
    return x[::-2] * 1.0


def flip_rows_cols(m: "float64[:, :]") -> "float64[:, :]":
    """m[::-1, ::-1] + 0.0 (rotation by 180 degrees)."""
    return m[::-1, ::-1] + 0.0


def odd_columns(m: "float64[:, :]") -> "float64[:, :]":
    """m[:, 1:-1:2] as a copy."""
    return m[:, 1:-1:2].copy()


def interleave_sum(x: "float64[:]") -> "float64[:]":
    """Pairwise sums of even and odd positions, x[0::2] + x[1::2] for even n."""
    n = x.shape[0] - x.shape[0] % 2
    return x[0:n:2] + x[1:n:2]


def last_k_sum(x: "float64[:]", k: int) -> float:
    """Sum of the last k elements through a negative start."""
    if k <= 0:
        return 0.0
    return np.sum(x[-k:])
