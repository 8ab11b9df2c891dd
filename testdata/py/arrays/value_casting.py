"""float32 and small-integer arrays next to Python scalars known only at
run time: numpy 1.24 keeps the array's dtype while the scalar's value fits
(value-based casting), which is what pyc2go compiles; a scalar outside
that range raises pyc2go's ValueError where numpy 1.24 would widen."""
import numpy as np


def gray_scott_step(u: "float32[:]", v: "float32[:]", f: float, k: float) -> "float32[:]":
    """The Gray-Scott update with float parameters on float32 fields."""
    uvv = u * v * v
    v2 = v + (uvv - (f + k) * v)
    return v2


def saxpy_float(a: float, x: "float32[:]", y: "float32[:]") -> "float32[:]":
    """a * x + y with a Python float a: float32 in numpy 1.24."""
    return a * x + y


def scale_int32(a: "int32[:]", n: int) -> "int32[:]":
    """int32 array times a Python int stays int32 (wrapping) while n fits int32."""
    return a * n


def brighten(img: "uint8[:, :]", d: int) -> "uint8[:, :]":
    """uint8 image + d stays uint8 (wrapping) for 0 <= d <= 255."""
    return img + d


def threshold_int16(a: "int16[:]", t: int) -> "bool[:]":
    """A comparison gives bool whatever the scalar."""
    return a > t


def floor_div_uint16(a: "uint16[:]", d: int) -> "uint16[:]":
    """uint16 // a Python int."""
    return a // d


def f32_times_int(x: "float32[:]", n: int) -> "float32[:]":
    """float32 * int stays float32 for -32768 <= n <= 65535 (numpy 1.24)."""
    return x * n


def f32_inplace(x: "float32[:]", s: float) -> "float32[:]":
    """x += s in place: always float32 (same_kind cast of the result)."""
    y = x.copy()
    y *= s
    return y


def f32_maximum(x: "float32[:]", s: float) -> "float32[:]":
    """np.maximum with a float parameter."""
    return np.maximum(x, s)


def int8_shift(a: "int8[:]", n: int) -> "int8[:]":
    """An int8 array minus an int parameter."""
    return a - n


def complex64_scale(z: "complex64[:]", s: float) -> "complex64[:]":
    """complex64 array times a Python float stays complex64."""
    return z * s
