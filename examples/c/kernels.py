"""Kernels a C program calls: a moving average and a row-wise RMS."""
import numpy as np


def moving_average(x: "float64[:]", w: int) -> "float64[:]":
    """Mean of each window of w consecutive samples of x."""
    if w <= 0:
        raise ValueError("window must be positive")
    n = max(x.shape[0] - w + 1, 0)
    out = np.empty(n)
    s = 0.0
    for i in range(min(w, x.shape[0])):
        s += x[i]
    for i in range(n):
        if i > 0:
            s += x[i + w - 1] - x[i - 1]
        out[i] = s / w
    return out


def row_rms(m: "float64[:, :]") -> "float64[:]":
    """Root mean square of every row of m."""
    return np.sqrt(np.mean(m * m, axis=1))


if __name__ == "__main__":
    # The same computation as main.c, printed the same way: the example's
    # test compares the two outputs.
    x = np.array([float(i % 7) for i in range(20)])
    for v in moving_average(x, 4):
        print("%.17g" % v)
    grid = np.arange(24.0).reshape(4, 6)
    for v in row_rms(grid[:, ::2]):
        print("%.17g" % v)
    try:
        moving_average(x, 0)
    except ValueError as e:
        print("ValueError: %s" % e)
