"""Inputs for value_casting.py: scalars inside numpy 1.24's ranges (the
edges included) and outside them, where the compiled code raises."""
import numpy as np

F32_MAX = float(np.finfo(np.float32).max)
FLOATS = [0.0, -0.0, 0.5, -2.5, 1e-300, 65504.0, 1e6, F32_MAX, -F32_MAX, float("inf"),
          float("-inf"), float("nan"), 1e39, -1e300]


def _f32(n, *scalars):
    return lambda rng: (rng.standard_normal(n).astype(np.float32),) + scalars


def _ints(dtype, n, *scalars):
    info = np.iinfo(dtype)
    lo, hi = max(info.min, -1000), min(info.max, 1000)
    return lambda rng: (rng.integers(lo, hi + 1, n).astype(dtype),) + scalars


CASES = []
for _x in FLOATS:
    CASES.append(("gray_scott_step", lambda rng, x=_x: (rng.random(8).astype(np.float32),
                                                        rng.random(8).astype(np.float32), x, 0.06)))
    CASES.append(("saxpy_float", lambda rng, x=_x: (x, rng.standard_normal(5).astype(np.float32),
                                                    rng.standard_normal(5).astype(np.float32))))
    CASES.append(("f32_inplace", _f32(6, _x)))
    CASES.append(("f32_maximum", _f32(6, _x)))
    CASES.append(("complex64_scale", lambda rng, x=_x: ((rng.standard_normal(4) + 1j * rng.standard_normal(4)).astype(np.complex64), x)))
for _n in [0, 1, -1, 7, 127, -128, 255, 256, -129, 32767, -32768, 65535, 65536, -32769,
           2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**40]:
    CASES.append(("scale_int32", _ints(np.int32, 7, _n)))
    CASES.append(("brighten", lambda rng, n=_n: (rng.integers(0, 256, (3, 4)).astype(np.uint8), n)))
    CASES.append(("threshold_int16", _ints(np.int16, 7, _n)))
    CASES.append(("f32_times_int", _f32(5, _n)))
    CASES.append(("int8_shift", _ints(np.int8, 7, _n)))
    if _n != 0:
        CASES.append(("floor_div_uint16", _ints(np.uint16, 7, _n)))
