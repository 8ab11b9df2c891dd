"""Black-Scholes call and put prices, array style, with the
Abramowitz-Stegun normal CDF (the numexpr/numba demo kernel)."""
import numpy as np

RSQRT2PI = 0.39894228040143267794
A1 = 0.31938153
A2 = -0.356563782
A3 = 1.781477937
A4 = -1.821255978
A5 = 1.330274429


def _cnd(d: "float64[:]"):
    k = 1.0 / (1.0 + 0.2316419 * np.abs(d))
    ret = RSQRT2PI * np.exp(-0.5 * d * d) * (k * (A1 + k * (A2 + k * (A3 + k * (A4 + k * A5)))))
    return np.where(d > 0, 1.0 - ret, ret)


def black_scholes(S: "float64[:]", X: "float64[:]", T: "float64[:]", r: float, v: float) -> tuple:
    sqrt_t = np.sqrt(T)
    d1 = (np.log(S / X) + (r + 0.5 * v * v) * T) / (v * sqrt_t)
    d2 = d1 - v * sqrt_t
    cnd1 = _cnd(d1)
    cnd2 = _cnd(d2)
    exp_rt = np.exp(-r * T)
    call = S * cnd1 - X * exp_rt * cnd2
    put = X * exp_rt * (1.0 - cnd2) - S * (1.0 - cnd1)
    return call, put
