"""np.clip with NaN bounds: numpy 1.24 ignores a NaN bound and keeps a NaN x."""
import math

import numpy as np


def clip_nan_hi(a: "float64[:]") -> "float64[:]":
    return np.clip(a, 1.0, math.nan)


def clip_nan_lo(a: "float64[:]", hi: float) -> "float64[:]":
    return np.clip(a, math.nan, hi)


def clip_bounds(a: "float64[:]", lo: float, hi: float) -> "float64[:]":
    return np.clip(a, lo, hi)

