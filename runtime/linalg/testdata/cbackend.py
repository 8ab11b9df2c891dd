"""ctypes bridge from ref.py to the C runtime's pyc2go_linalg_* functions.

Lib(path).run(fn, args, kw) calls the C function numpy's fn corresponds
to on the same inputs (integer arrays promoted to float64 as numpy and
generated code promote them) and returns what ref.run returns for numpy:
{"ok": True, "res": [arrays]} or {"ok": False, "exc": ..., "msg": ...}.
"""
import ctypes as ct

import numpy as np

MAXDIM = 32


class Array(ct.Structure):
    """pyc2go_array_T (every T has this layout)."""
    _fields_ = [
        ("data", ct.c_void_p),
        ("offset", ct.c_int64),
        ("ndim", ct.c_int64),
        ("shape", ct.c_int64 * MAXDIM),
        ("strides", ct.c_int64 * MAXDIM),
        ("owner", ct.c_void_p),
    ]


class Error(ct.Structure):
    _fields_ = [
        ("exc", ct.c_char * 32),
        ("msg", ct.c_char * 512),
        ("file", ct.c_char_p),
        ("line", ct.c_int),
        ("func", ct.c_char_p),
    ]


class Pool(ct.Structure):
    _fields_ = [("blocks", ct.c_void_p), ("n", ct.c_int64), ("cap", ct.c_int64)]


class Ord(ct.Structure):
    _fields_ = [("kind", ct.c_int), ("p", ct.c_double), ("str", ct.c_char_p)]


REAL = {"float64": "float64", "float32": "float32", "complex128": "float64"}
COMPLEX = {"float64": "complex128", "float32": "complex64"}
SUFFIX = {"float64": "float64", "float32": "float32", "complex128": "complex128", "int64": "int64"}


def to_c(a, keep):
    """A descriptor viewing numpy array a (kept alive through keep)."""
    keep.append(a)
    d = Array()
    d.data = a.ctypes.data
    d.offset = 0
    d.ndim = a.ndim
    for k in range(a.ndim):
        d.shape[k] = a.shape[k]
        d.strides[k] = a.strides[k] // a.itemsize
    return d


def from_c(d, dtype):
    """A copy of the array descriptor d describes."""
    dtype = np.dtype(dtype)
    shape = tuple(d.shape[k] for k in range(d.ndim))
    strides = tuple(d.strides[k] for k in range(d.ndim))
    if 0 in shape:
        return np.zeros(shape, dtype)
    lo = d.offset + sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
    hi = d.offset + sum(max(0, (n - 1) * s) for n, s in zip(shape, strides))
    buf = (ct.c_char * ((hi - lo + 1) * dtype.itemsize)).from_address(d.data + lo * dtype.itemsize)
    flat = np.frombuffer(buf, dtype=dtype)
    view = np.lib.stride_tricks.as_strided(flat[d.offset - lo:], shape=shape,
                                           strides=tuple(s * dtype.itemsize for s in strides))
    return np.array(view, order="C")


class Lib:
    def __init__(self, path):
        self.lib = ct.CDLL(path)
        self.lib.pyc2go_pool_free.argtypes = [ct.POINTER(Pool)]
        self.lib.pyc2go_linalg_rcond_none.restype = ct.c_double
        self.lib.pyc2go_linalg_rcond_none.argtypes = [ct.c_int64, ct.c_int64]
        self.lib.pyc2go_norm_ord_str.restype = Ord
        self.lib.pyc2go_norm_ord_str.argtypes = [ct.c_char_p]

    def run(self, fn, args, kw):
        keep = []
        vals = [a.view() if hasattr(a, "view") and hasattr(a, "layout") else a for a in args]
        arrays = [v for v in vals if isinstance(v, np.ndarray)]
        first = arrays[0]
        if first.dtype == np.int64 and not (fn == "matrix_power" and vals[1] >= 0):
            vals = [v.astype(np.float64) if isinstance(v, np.ndarray) and v.dtype == np.int64 else v for v in vals]
            first = vals[0]
        t = str(first.dtype)
        pool, err = Pool(), Error()
        outs = []

        def out(dtype):
            d = Array()
            outs.append((d, dtype))
            return ct.byref(d)

        def call(name, *cargs):
            return getattr(self.lib, f"pyc2go_linalg_{name}_{SUFFIX[t]}")(ct.byref(pool), *cargs, ct.byref(err))

        a = ct.byref(to_c(vals[0], keep))
        extra = []
        try:
            if fn in ("solve", "matmul"):
                rc = call(fn, a, ct.byref(to_c(vals[1], keep)), out(t))
            elif fn in ("inv", "det", "cholesky"):
                rc = call(fn, a, out(t))
            elif fn == "slogdet":
                rc = call(fn, a, out(t), out(REAL[t]))
            elif fn in ("eigh", "eigvalsh"):
                uplo = kw.get("UPLO", "L").encode()
                rc = call("eigh", a, ct.c_char_p(uplo), out(t), out(t) if fn == "eigh" else None)
            elif fn in ("eig", "eigvals"):
                rc = call("eig", a, out(COMPLEX[t]), out(COMPLEX[t]) if fn == "eig" else None)
            elif fn == "svd":
                if kw.get("compute_uv", True):
                    u = out(t)
                    s = out(t)
                    rc = call(fn, a, ct.c_bool(kw.get("full_matrices", True)), u, s, out(t))
                else:
                    rc = call(fn, a, ct.c_bool(True), None, out(t), None)
            elif fn == "qr":
                mode = kw.get("mode", "reduced")
                rc = self.lib.pyc2go_linalg_check_qr_mode(ct.c_char_p(mode.encode()), ct.byref(err))
                if rc == 0:
                    if mode == "r":
                        rc = call("qr_r", a, out(t))
                    elif mode == "raw":
                        rc = call("qr_raw", a, out(t), out(t))
                    else:
                        rc = call("qr", a, ct.c_char_p(mode.encode()), out(t), out(t))
            elif fn == "lstsq":
                rcond = kw.get("rcond", -1.0)
                if rcond is None:
                    m, n = vals[0].shape if vals[0].ndim == 2 else (0, 0)
                    rcond = self.lib.pyc2go_linalg_rcond_none(m, n)
                rank = ct.c_int32()
                x, resid = out(t), out(t)
                rc = call(fn, a, ct.byref(to_c(vals[1], keep)), ct.c_double(rcond), x, resid, ct.byref(rank), out(t))
                extra = [(2, np.asarray(np.int32(rank.value)))]  # numpy's order: x, resid, rank, s
            elif fn == "pinv":
                rc = call(fn, a, ct.c_double(kw.get("rcond", 1e-15)), out(t))
            elif fn == "matrix_rank":
                tol = kw.get("tol")
                rc = call(fn, a, ct.c_double(tol or 0.0), ct.c_bool(tol is not None), out("int64"))
            elif fn == "norm":
                o = kw.get("ord")
                if o is None:
                    ordv = Ord(0, 0.0, None)
                elif isinstance(o, str):
                    ordv = self.lib.pyc2go_norm_ord_str(o.encode())
                    keep.append(o.encode())
                else:
                    ordv = Ord(1, float(o), None)
                axis = kw.get("axis")
                if axis is None:
                    naxis, axp = -1, None
                else:
                    axis = list(axis) if isinstance(axis, (list, tuple)) else [axis]
                    arr = (ct.c_int64 * len(axis))(*axis)
                    keep.append(arr)
                    naxis, axp = len(axis), arr
                rc = call(fn, a, ordv, ct.c_int64(naxis), axp, ct.c_bool(kw.get("keepdims", False)), out(REAL[t]))
            elif fn == "matrix_power":
                rc = call(fn, a, ct.c_int64(vals[1]), out(t))
            else:
                raise AssertionError("no C call for " + fn)
            if rc != 0:
                return {"ok": False, "exc": err.exc.decode(), "msg": err.msg.decode()}
            res = [from_c(d, dtype) for d, dtype in outs]
            for i, x in extra:
                res.insert(i, x)
            return {"ok": True, "res": res}
        finally:
            self.lib.pyc2go_pool_free(ct.byref(pool))
