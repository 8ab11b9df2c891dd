"""float32 kernels: every result must stay float32 as in numpy 1.24
(value-based casting keeps float32 arrays float32 next to Python floats)."""
import numpy as np


def saxpy(a: np.float32, x: "float32[:]", y: "float32[:]") -> "float32[:]":
    """Single-precision a * x + y."""
    return a * x + y


def scale_by_python_float(x: "float32[:]") -> "float32[:]":
    """x * 2.5 stays float32: the Python float does not promote."""
    return x * 2.5


def sum_f32(x: "float32[:]") -> np.float32:
    """np.sum of float32 (pairwise, accumulated in float32)."""
    return np.sum(x)


def mean_f32(m: "float32[:, :]") -> "float32[:]":
    """Column means of a float32 matrix."""
    return m.mean(axis=0)


def norm_f32(x: "float32[:]") -> np.float32:
    """Euclidean norm in float32."""
    return np.sqrt(np.sum(x * x))


def dot_loop_f32(x: "float32[:]", y: "float32[:]") -> np.float32:
    """Loop dot product accumulating in float32."""
    s = np.float32(0.0)
    for i in range(min(x.shape[0], y.shape[0])):
        s += x[i] * y[i]
    return s


def exp_f32(x: "float32[:]") -> "float32[:]":
    """np.exp on float32 computes in float32."""
    return np.exp(x)


def matmul_f32(a: "float32[:, :]", b: "float32[:, :]") -> "float32[:, :]":
    """float32 matrix product."""
    return a @ b


def mixed_promotes(x: "float32[:]", y: "float64[:]") -> "float64[:]":
    """float32 array + float64 array is float64."""
    return x + y


def where_f32(x: "float32[:]") -> "float32[:]":
    """np.where with a float32 array and a Python float stays float32."""
    return np.where(x > 0.0, x, 0.0)


def clip_f32(m: "float32[:, :]") -> "float32[:, :]":
    """np.clip of float32 with Python float bounds."""
    return np.clip(m, -1.0, 1.0)


def cumsum_f32(x: "float32[:]") -> "float32[:]":
    """Prefix sums in float32."""
    return np.cumsum(x)


def to_float32(x: "float64[:]") -> "float32[:]":
    """astype(np.float32): round to nearest, overflow to inf."""
    return x.astype(np.float32)


def rms_f32(x: "float32[:]") -> np.float32:
    """Root mean square of a float32 vector (nan for an empty one)."""
    return np.sqrt(np.mean(x * x))
