"""Black-Scholes call prices, one option per iteration with math.erf:
the Numba-tutorial form."""
import math

import numpy as np


def black_scholes_loop(S: "float64[:]", X: "float64[:]", T: "float64[:]", r: float, v: float):
    n = S.shape[0]
    call = np.empty(n)
    for i in range(n):
        sqrt_t = math.sqrt(T[i])
        d1 = (math.log(S[i] / X[i]) + (r + 0.5 * v * v) * T[i]) / (v * sqrt_t)
        d2 = d1 - v * sqrt_t
        cnd1 = 0.5 * (1.0 + math.erf(d1 / math.sqrt(2.0)))
        cnd2 = 0.5 * (1.0 + math.erf(d2 / math.sqrt(2.0)))
        call[i] = S[i] * cnd1 - X[i] * math.exp(-r * T[i]) * cnd2
    return call
