"""Complex parts, conjugates and bitwise ufuncs on arrays, as signal and
bit-twiddling code writes them."""
import numpy as np


def power_spectrum(z: "complex128[:]") -> "float64[:]":
    """|z|^2 from the real and imaginary parts."""
    return z.real ** 2 + z.imag ** 2


def real_via_conj(z: "complex128[:]") -> "float64[:]":
    """(z + conj(z)).real / 2 is the real part (no complex product: numpy's
    AVX-512 complex multiply uses fused multiply-adds)."""
    return (z + np.conj(z)).real / 2.0


def conjugate_2d(z: "complex64[:, :]") -> "complex64[:, :]":
    """np.conjugate of a complex64 matrix."""
    return np.conjugate(z)


def conj_of_real(a: "float64[:]") -> "float64[:]":
    """The conjugate of a real array is itself."""
    return np.conj(a) + a.imag


def real_of_real(a: "int32[:, :]") -> "int32[:, :]":
    """a.real of an int array is the array; a.imag is zeros of its type."""
    return a.real - a.imag


def mean_phase_parts(z: "complex128[:, :]") -> float:
    """Reductions of the parts."""
    return np.sum(z.real) - np.mean(z.imag) + z.real.max()


def real_parts_copy(z: "complex128[:]") -> "float64[:]":
    """Binding a copy of the real parts, then changing it."""
    r = z.real.copy()
    r[0:1] = -1.0
    return r


def imag_positive(z: "complex128[:]") -> "bool[:]":
    """A comparison of the imaginary parts."""
    return z.imag > 0.0


def mask_bits(a: "int64[:]", m: int) -> "int64[:]":
    """np.bitwise_and with a Python int mask."""
    return np.bitwise_and(a, m)


def set_bits(a: "int32[:]", b: "int32[:]") -> "int32[:]":
    """np.bitwise_or of two int32 arrays."""
    return np.bitwise_or(a, b)


def toggle_bits(a: "uint8[:]", b: "uint8[:]") -> "uint8[:]":
    """np.bitwise_xor and the ^ operator agree."""
    return np.bitwise_xor(a, b) ^ (a ^ b) ^ np.bitwise_xor(b, a)


def invert_ints(a: "int16[:]") -> "int16[:]":
    """np.invert is ~."""
    return np.invert(a) + ~a


def invert_mask(a: "float64[:]") -> "bool[:]":
    """~ and np.bitwise_not of a bool mask are logical not."""
    return np.bitwise_not(a > 0.0) & ~(a < -1.0)


def bool_ops(a: "float64[:]", b: "float64[:]") -> "bool[:]":
    """& | ^ on bool masks, with the named ufuncs."""
    p = a > 0.0
    q = b > 0.0
    return np.bitwise_or(p & q, np.bitwise_and(p ^ q, p | q))


def shifts(a: "int64[:]", k: "int64[:]") -> "int64[:]":
    """<< and >> with per-element counts (numpy's rules past the width)."""
    return np.left_shift(a, k & 7) + np.right_shift(a, k & 63) + (a >> 2) - (a << 1)


def pack_rgb(r: "uint8[:]", g: "uint8[:]", b: "uint8[:]") -> "uint32[:]":
    """Pack three bytes into a word."""
    return (r.astype(np.uint32) << 16) | (g.astype(np.uint32) << 8) | b.astype(np.uint32)


def popcount8(a: "uint8[:]") -> "uint8[:]":
    """The classic bit count with masks and shifts."""
    x = a - ((a >> 1) & 0x55)
    x = (x & 0x33) + ((x >> 2) & 0x33)
    return (x + (x >> 4)) & 0x0F


def xor_broadcast(a: "int64[:, :]", v: "int64[:]") -> "int64[:, :]":
    """Broadcasting with a named bitwise ufunc (shapes must fit)."""
    return np.bitwise_xor(a, v)


def abs_of_array(a: "float64[:, :]") -> "float64[:, :]":
    """The builtin abs() of an array."""
    return abs(a - 1.0)


def square_diff(a: "int64[:]") -> "int64[:]":
    """np.square of an int array (wrapping)."""
    return np.square(a) - a * a
