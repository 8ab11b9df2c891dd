"""np.sum / np.mean (axis=None) of views that are not C-contiguous.

numpy's reduction iterator visits the elements with the axes sorted by
decreasing |stride| (a transposed matrix in memory order) without flipping
negative strides, and sums runs of up to 8192 elements pairwise: the
compiled sums must follow that order to be bit-identical."""
import numpy as np


def sum_t(m: "float64[:, :]") -> float:
    return np.sum(m.T)


def sum_cols(m: "float64[:, :]") -> float:
    return np.sum(m[:, 1:])


def sum_step(m: "float64[:, :]") -> float:
    return np.sum(m[::2, ::3])


def sum_rev(m: "float64[:, :]") -> float:
    return np.sum(m[::-1, ::-1])


def sum_t_rev(m: "float64[:, :]") -> float:
    return m.T[::-1].sum()


def mean_t(m: "float64[:, :]") -> float:
    return np.mean(m.T[1:])


def sum_3d(a: "float64[:, :, :]") -> float:
    return np.sum(a.T[:, ::-1, 1:])


def sum_f32_t(m: "float32[:, :]") -> float:
    return float(np.sum(m.T))


def sum_c_t(z: "complex128[:, :]") -> complex:
    return np.sum(z.T[:, 1:])


def sum_t_axis0(m: "float64[:, :]") -> "float64[:]":
    """Along an axis, numpy reduces a view as the C copy of its axes in
    stride order."""
    return np.sum(m.T, axis=0)


def sum_t_axis1(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m.T, axis=1)


def sum_cols_axis1(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m[:, ::2], axis=1)


def sum_rev_axis0(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m[::-1], axis=0)


def sum_rev_axis1(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m[:, ::-1], axis=1)


def mean_t_axis1(m: "float64[:, :]") -> "float64[:]":
    return np.mean(m.T, axis=1)


def sum_3d_t_axis1(a: "float64[:, :, :]") -> "float64[:, :]":
    return np.sum(a.T, axis=1)


def prod_t(m: "float64[:, :]") -> float:
    """A float product is a running product in numpy's iterator order."""
    return np.prod(m.T)


def prod_rev_t(m: "float64[:, :]") -> float:
    return np.prod(m.T[::-1, 1:])


def prod_c_t(z: "complex128[:, :]") -> complex:
    return np.prod(z.T)


def prod_int_t(m: "int64[:, :]") -> int:
    return np.prod(m.T)


# Sums of expressions: numpy allocates a ufunc's output in its operands'
# memory layout (K order), then sums that temporary in memory order.


def sum_t_expr(m: "float64[:, :]") -> float:
    return np.sum(m.T * 2.0)


def mean_t_plus(m: "float64[:, :]") -> float:
    """Operands of conflicting layouts: C order wins."""
    return np.mean(m.T + m.T.T.T)


def sum_t_plus_t(m: "float64[:, :]") -> float:
    return np.sum(np.sqrt(np.abs(m.T)) + m.T * 0.5)


def sum_rev_expr_axis0(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m[:, ::-1] * 3.0, axis=0)


def sum_t_expr_axis1(m: "float64[:, :]") -> "float64[:]":
    return np.sum(m.T * 3.0 - 1.0, axis=1)


def mean_t_expr_axis0(m: "float64[:, :]") -> "float64[:]":
    return np.mean(m.T / 3.0, axis=0)


def sum_t_bcast(m: "float64[:, :]") -> float:
    """A broadcast operand has no say in the order."""
    return np.sum(m.T * m[:, 0])


def sum_3d_expr(a: "float64[:, :, :]") -> float:
    return np.sum(a.T[:, ::-1] * 2.0 + 1.0)


def mean_int_t(m: "int64[:, :]") -> float:
    return np.mean(m.T * 3)


def sum_t_nested_expr(m: "float64[:, :]") -> float:
    """np.sum of (m.T + m.T) * m.T: an operand that itself combines arrays keeps the C-ordered temporary (documented gap)."""
    return np.sum((m.T + m.T) * m.T)


def var_t_axis1(m: "float64[:, :]") -> "float64[:]":
    """var of a view along an axis: numpy reduces the view where it is."""
    return m.T.var(axis=1, ddof=1)


def std_cols_axis0(m: "float64[:, :]") -> "float64[:]":
    return m[:, 1:].std(axis=0)


def var_rev_axis0(m: "float64[:, :]") -> "float64[:]":
    return np.var(m[::-1, ::2], axis=0)


def var_axis1(m: "float64[:, :]") -> "float64[:]":
    return m.var(axis=1, ddof=1)
