"""np.roll, np.repeat and np.tile as simulation and image code uses them:
periodic neighbours, upsampling, tiled patterns."""
import numpy as np


def periodic_laplacian(u: "float64[:]") -> "float64[:]":
    """A 1-d periodic Laplacian from rolled copies."""
    return np.roll(u, 1) + np.roll(u, -1) - 2.0 * u


def periodic_laplacian_2d(u: "float64[:, :]") -> "float64[:, :]":
    """The 5-point periodic Laplacian."""
    return (np.roll(u, 1, axis=0) + np.roll(u, -1, axis=0)
            + np.roll(u, 1, axis=1) + np.roll(u, -1, axis=1) - 4.0 * u)


def roll_flat(m: "int64[:, :]", k: int) -> "int64[:, :]":
    """Without axis= the flattened array rolls (any int shift)."""
    return np.roll(m, k)


def roll_strided(m: "float32[:, :]", k: int) -> "float32[:, :]":
    """Rolling a transposed view along axis 1."""
    return np.roll(m.T, k, axis=1)


def upsample_rows(img: "uint8[:, :]") -> "uint8[:, :]":
    """Nearest-neighbour upsampling by 2 in both directions."""
    return np.repeat(np.repeat(img, 2, axis=0), 2, axis=1)


def repeat_flat(a: "float64[:, :]", r: int) -> "float64[:]":
    """np.repeat without axis flattens (a negative count raises)."""
    return np.repeat(a, r)


def repeat_method(v: "int32[:]") -> "int32[:]":
    """a.repeat(3)."""
    return v.repeat(3)


def tile_vector(v: "float64[:]", n: int) -> "float64[:]":
    """np.tile of a 1-d array."""
    return np.tile(v, n)


def tile_rows(m: "int64[:, :]") -> "int64[:, :]":
    """An int reps tiles the last axis of a matrix."""
    return np.tile(m, 3)


def checkerboard(n: int) -> "int64[:]":
    """A tiled 0/1 pattern."""
    return np.tile(np.arange(2), max(0, min(n, 1000)))


def tile_matrix(m: "float64[:, :]", n: int) -> "float64[:, :]":
    """np.tile of a matrix by a run-time count (numpy's errors for negative
    counts, empty arrays included)."""
    return np.tile(m, n)
