"""Array kernels that pass `pyc2go verify` against numpy 1.24 (lowered here
with the verifier on; run `pyc2go verify` on this file for the differential
check)."""
import numpy as np


def neg_steps(m: "float64[:, :]") -> "float64[:, :]":
    """Negative steps and strided column slices."""
    return m[::-1, 1:-1:2]


def rev_inplace(a: "float64[:]") -> "float64[:]":
    """a[:] = a[::-1] overlaps: needs the temporary."""
    a[:] = a[::-1]
    return a


def shift_inplace(a: "float64[:]") -> "float64[:]":
    """Shifted views of one array."""
    a[1:] = a[:-1] * 2.0
    return a


def fill_slice(a: "float64[:]", x: float) -> "float64[:]":
    a[::2] = x
    return a


def f32_scale(a: "float32[:]") -> "float32[:]":
    """Value-based casting: float32 * Python float stays float32."""
    return a * 0.1 + 1.0


def f32_aug(a: "float32[:]") -> "float32[:]":
    a += 0.1
    return a


def int_div(a: "int64[:]", b: "int64[:]") -> "int64[:]":
    return a // b + a % b


def int_pow(a: "int64[:]", b: "int64[:]") -> "int64[:]":
    return a ** b


def ufuncs(a: "float64[:]") -> "float64[:]":
    return np.abs(a) + np.floor(a) + np.sign(a) + np.exp(-a * a) + np.minimum(a, 0.5)


def preds(a: "float64[:]") -> "bool[:]":
    return np.logical_and(np.isfinite(a), a > 0.0) | np.isnan(a)


def where_sc(a: "float64[:]") -> "float64[:]":
    return np.where(a > 0.0, a, 0.0)


def imean(a: "int64[:]") -> float:
    return np.mean(a)


def prod_all(a: "int64[:, :]") -> "bool[:]":
    return np.all(a > 0, axis=0)


def like(a: "float64[:, :]") -> "float64[:, :]":
    return np.zeros_like(a) + np.full_like(a, 2.0) + np.ones_like(a)


def ident(n: int) -> "float64[:, :]":
    return np.identity(max(0, min(n, 6)))


def lit2() -> "int64[:]":
    return np.array([3, 1, 2])


def arange_neg(n: int) -> "int64[:]":
    return np.arange(max(-50, min(n, 50)), 0, -3)


def lin_noend(n: int) -> "float64[:]":
    return np.linspace(-1.0, 2.0, max(0, min(n, 30)), endpoint=False)


def ravel_t(m: "float64[:, :]") -> "float64[:]":
    return m.T.ravel()


def reshape_t(m: "float64[:, :]") -> "float64[:, :]":
    return m.T.reshape(-1, 1)


def loop_break(a: "float64[:]") -> int:
    k = 0
    for x in a:
        if x > 0.5:
            break
        k += 1
    else:
        k = -1
    return k


def row_update(m: "float64[:, :]", v: "float64[:]") -> "float64[:, :]":
    for i in range(m.shape[0]):
        m[i, :] += v
    return m


def astype_i(a: "float64[:]") -> "int32[:]":
    return a.astype(np.int32)


def copy_t(m: "float64[:, :]") -> "float64[:, :]":
    c = np.copy(m.T)
    c[0, 0] = 99.0
    return c


def neg_index(a: "float64[:, :]", i: int, j: int) -> float:
    return a[-i, -j]


def amax_axis(m: "float64[:, :]") -> "float64[:]":
    return m.max(axis=0) - m.min(axis=1)[0]


def slice_rt(a: "float64[:]", lo: int, hi: int, st: int) -> "float64[:]":
    return a[lo:hi:st]


def astype_b(a: "float64[:]") -> "int8[:]":
    return a.astype(np.int8)


def astype_u(a: "float32[:]") -> "uint16[:]":
    return a.astype(np.uint16)



def clipr(a: "float64[:]") -> "float64[:]":
    return np.clip(a, -1.0, 1.0) + np.round(a) + np.rint(a)


def stdv(a: "float64[:]") -> float:
    return np.std(a) + np.var(a)


def fillit(a: "float64[:]") -> "float64[:]":
    a.fill(3.0)
    return a


def ell(a: "float64[:, :]") -> "float64[:, :]":
    a[:, :] = 1.0
    return a


def cube(n: int) -> "float64[:, :, :]":
    c = np.zeros((2, 3, max(0, min(n, 5))))
    c[1, :, :] = 2.0
    c += np.arange(3.0).reshape(3, 1)
    return c


def cplx(z: "complex128[:]") -> "complex128[:]":
    return z * z + 1j


def shp(a: "float64[:, :]") -> tuple[int, int]:
    return a.shape


def zdt(n: int) -> "int32[:]":
    return np.zeros(max(0, min(n, 9)), dtype=np.int32) + np.int32(1)


def bidx(b: "bool[:]") -> int:
    c = 0
    for i in range(len(b)):
        if b[i]:
            c += 1
    return c


def aug_slice(a: "float64[:]") -> "float64[:]":
    a[1:-1] += a[2:] - a[:-2]
    return a


def sh_zeros(a: "float64[:, :]") -> "float64[:, :]":
    return np.zeros(a.shape) + a


def power(a: "float64[:]") -> "float64[:]":
    return np.power(a, 3.0) + a ** 0.5 + a ** -1


def sumaxis_int(m: "int64[:, :]") -> "int64[:]":
    return np.sum(m, axis=1) + m.prod(axis=1)


def any_axis(m: "bool[:, :]") -> "bool[:]":
    return m.any(axis=1)


def meanaxis(m: "float64[:, :]") -> "float64[:]":
    return m.mean(axis=0)


def argminall(m: "float64[:, :]") -> int:
    return int(m.argmin())


def cumprod2(m: "int64[:, :]") -> "int64[:, :]":
    return np.cumprod(m, axis=1)
