"""np.transpose with axes, a.transpose(...), and views of them, as image
and tensor code writes them (channels-last to channels-first)."""
import numpy as np


def hwc_to_chw(img: "float32[:, :, :]") -> "float32[:, :, :]":
    """Channels-last to channels-first, copied C-contiguous."""
    return np.transpose(img, (2, 0, 1)).copy()


def swap_last_two(t: "float64[:, :, :]") -> "float64[:, :, :]":
    """a.transpose(0, 2, 1) then arithmetic."""
    return t.transpose(0, 2, 1) * 2.0


def reverse_axes(t: "int64[:, :, :]") -> "int64[:, :, :]":
    """np.transpose without axes reverses them, like .T."""
    return np.transpose(t) - t.T


def negative_axes(m: "float64[:, :]") -> "float64[:, :]":
    """Negative axes count from the end."""
    return m.transpose((-1, 0)) + np.transpose(m, (1, -2))


def batched_outer(x: "float64[:, :]") -> "float64[:, :, :]":
    """(n, d) -> (d, n) views broadcast against each other."""
    xt = x.transpose()
    return xt[:, :, None] * xt[:, None, :]


def sum_over_moved_axis(t: "float64[:, :, :]") -> "float64[:, :]":
    """Reduce after moving an axis first."""
    return np.sum(np.transpose(t, (1, 0, 2)), axis=0)


def store_through_transpose(m: "float64[:, :]") -> "float64[:, :]":
    """Writing into a transposed view writes the array."""
    out = np.zeros_like(m)
    out.transpose()[:, :] = m.T
    return out


def transpose_4d(t: "int32[:, :, :, :]") -> "int32[:, :, :, :]":
    """A 4-d permutation."""
    return np.transpose(t, (3, 1, 0, 2)).copy()
