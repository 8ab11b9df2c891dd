"""Elementwise kernels: fused arithmetic, masks with np.where, clipping,
ufuncs (sqrt, exp, log, abs, minimum/maximum) and broadcasting."""
import numpy as np


def axpy(a: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
    """a * x + y as one fused loop."""
    return a * x + y


def axpy_loop(a: float, x: "float64[:]", y: "float64[:]") -> "float64[:]":
    """a * x + y with an explicit loop."""
    out = np.empty(x.shape[0])
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out


def relu(x: "float64[:]") -> "float64[:]":
    """np.where(x > 0, x, 0.0): NaN maps to 0.0, -0.0 stays 0.0."""
    return np.where(x > 0.0, x, 0.0)


def relu_maximum(x: "float64[:]") -> "float64[:]":
    """np.maximum(x, 0.0): unlike relu, NaN propagates."""
    return np.maximum(x, 0.0)


def leaky_relu_2d(m: "float64[:, :]", slope: float) -> "float64[:, :]":
    """np.where with an expression on both branches."""
    return np.where(m >= 0.0, m, slope * m)


def clip_unit(x: "float64[:]") -> "float64[:]":
    """np.clip to [-1, 1]."""
    return np.clip(x, -1.0, 1.0)


def clip_loop(x: "float64[:]", lo: float, hi: float) -> "float64[:]":
    """Clipping with comparisons in a loop (NaN passes through)."""
    out = x.copy()
    for i in range(out.shape[0]):
        if out[i] < lo:
            out[i] = lo
        elif out[i] > hi:
            out[i] = hi
    return out


def safe_sqrt(x: "float64[:]") -> "float64[:]":
    """sqrt of |x|, keeping the sign: sign(x) * sqrt(|x|)."""
    return np.sign(x) * np.sqrt(np.abs(x))


def log1p_manual(x: "float64[:]") -> "float64[:]":
    """log(1 + x) where 1 + x > 0, NaN elsewhere, without warnings from the
    masked-out lanes."""
    y = np.where(x > -1.0, x, 0.0)
    return np.where(x > -1.0, np.log(1.0 + y), np.nan)


def gaussian(x: "float64[:]", mu: float, sigma: float) -> "float64[:]":
    """Normal density; sigma must be positive."""
    if not (sigma > 0.0):
        raise ValueError("sigma must be positive")
    z = (x - mu) / sigma
    return np.exp(-0.5 * z * z) / (sigma * np.sqrt(2.0 * np.pi))


def sigmoid(x: "float64[:]") -> "float64[:]":
    """Logistic function 1 / (1 + exp(-x))."""
    return 1.0 / (1.0 + np.exp(-x))


def add_column_row(col: "float64[:]", row: "float64[:]") -> "float64[:, :]":
    """Broadcast an (n, 1) column against an (m,) row: an n x m table."""
    return col.reshape(-1, 1) + row


def center_columns(m: "float64[:, :]") -> "float64[:, :]":
    """Subtract the column means: (n, m) - (m,)."""
    if m.shape[0] == 0:
        return m.copy()
    return m - m.mean(axis=0)


def scale_rows(m: "float64[:, :]", w: "float64[:]") -> "float64[:, :]":
    """Multiply row i by w[i]: (n, m) * (n, 1)."""
    return m * w.reshape(m.shape[0], 1)


def normalize_rows(m: "float64[:, :]") -> "float64[:, :]":
    """Divide every row by its Euclidean norm (zero rows give NaN, as numpy
    array division does, without an exception)."""
    norms = np.sqrt(np.sum(m * m, axis=1))
    return m / norms.reshape(-1, 1)


def divide_arrays(a: "float64[:]", b: "float64[:]") -> "float64[:]":
    """Array division: x / 0.0 is inf or nan, never ZeroDivisionError."""
    return a / b


def floor_mod_int(a: "int64[:]", b: "int64[:]") -> "int64[:]":
    """a // b and a % b on int arrays (numpy gives 0 for division by zero)."""
    return a // b + a % b


def hypot_abs(x: "float64[:]", y: "float64[:]") -> "float64[:]":
    """np.hypot and np.abs together."""
    return np.hypot(x, y) - np.abs(x)


def nan_to_zero(x: "float64[:]") -> "float64[:]":
    """Replace NaN by 0.0 with a mask."""
    return np.where(np.isnan(x), 0.0, x)


def count_nonfinite(m: "float64[:, :]") -> int:
    """Number of inf and NaN elements."""
    return np.sum(np.logical_not(np.isfinite(m)))


def polynomial_horner(x: "float64[:]") -> "float64[:]":
    """3 x^3 - 2 x^2 + x - 5 by Horner's rule on the whole array."""
    return ((3.0 * x - 2.0) * x + 1.0) * x - 5.0


def int_to_float_mix(a: "int64[:]", x: "float64[:]") -> "float64[:]":
    """An int64 array promoted against a float64 one."""
    return a * x + a


def int32_plus_one(a: "int32[:]") -> "int32[:]":
    """int32 + Python int stays int32 (value-based casting), wrapping."""
    return a + 1


def uint8_invert(img: "uint8[:, :]") -> "uint8[:, :]":
    """255 - img for an 8-bit image; stays uint8."""
    return 255 - img


def complex_rotate(z: "complex128[:]", theta: float) -> "complex128[:]":
    """Multiply by exp(i theta)."""
    return z * np.exp(1j * theta)


def complex_abs2(z: "complex128[:]") -> "float64[:]":
    """|z|^2 via np.abs."""
    return np.abs(z) ** 2


def power_shortcuts(x: "float64[:]") -> "float64[:]":
    """numpy's ** on arrays (fast_scalar_power): x ** 2 is x*x, x ** -1 a
    reciprocal, x ** 0.5 a square root, x ** 1 a copy; bit for bit."""
    return x ** 2 - x ** -1 + np.abs(x) ** 0.5 + x ** 1


def np_power_square(x: "float64[:]") -> "float64[:]":
    """np.power(x, 2) takes no shortcut: numpy's pow(x, 2.0), which its
    AVX-512 pow rounds otherwise than x*x."""
    return np.power(x, 2)


def complex_square(z: "complex128[:]") -> "complex128[:]":
    """z ** 2 is numpy's complex square: z*z bit for bit, infinite and NaN
    parts included."""
    return z ** 2
