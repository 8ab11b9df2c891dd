import builtins as _p2g_builtins
import ctypes as _p2g_ct
import numbers as _p2g_numbers
import os as _p2g_os

import numpy as _p2g_np

# The builtins the helpers use, bound once under private names: a kernel
# function may be called like one (def type(...)), and defining it here
# would change what the helpers call.
_p2g_Exception = Exception
_p2g_OverflowError = OverflowError
_p2g_RuntimeError = RuntimeError
_p2g_TypeError = TypeError
_p2g_ValueError = ValueError
_p2g_bool = bool
_p2g_complex = complex
_p2g_enumerate = enumerate
_p2g_float = float
_p2g_getattr = getattr
_p2g_hasattr = hasattr
_p2g_int = int
_p2g_isinstance = isinstance
_p2g_issubclass = issubclass
_p2g_len = len
_p2g_list_type = list
_p2g_range = range
_p2g_tuple = tuple
_p2g_type = type
_p2g_zip = zip

# The exception classes numpy defines that compiled code raises by name
# (np.linalg's LinAlgError, norm's AxisError).
_p2g_numpy_errors = {"LinAlgError": _p2g_np.linalg.LinAlgError, "AxisError": _p2g_np.AxisError}

# The shared library sits beside this file, whatever the current directory.
_p2g_lib = _p2g_ct.CDLL(_p2g_os.path.join(_p2g_os.path.dirname(_p2g_os.path.abspath(__file__)), _P2G_LIBRARY))

_P2G_MAXDIM = 32


class _p2g_Error(_p2g_ct.Structure):
    """pyc2go_error of runtime/c/pyc2go.h."""
    _fields_ = [
        ("exc", _p2g_ct.c_char * 32),
        ("msg", _p2g_ct.c_char * 512),
        ("file", _p2g_ct.c_char_p),
        ("line", _p2g_ct.c_int),
        ("func", _p2g_ct.c_char_p),
    ]


class _p2g_Array(_p2g_ct.Structure):
    """pyc2go_array_DTYPE of runtime/c/pyc2go.h: one layout for every dtype,
    since only the type of the data pointer differs."""
    _fields_ = [
        ("data", _p2g_ct.c_void_p),
        ("offset", _p2g_ct.c_int64),
        ("ndim", _p2g_ct.c_int64),
        ("shape", _p2g_ct.c_int64 * _P2G_MAXDIM),
        ("strides", _p2g_ct.c_int64 * _P2G_MAXDIM),
        ("owner", _p2g_ct.c_void_p),
    ]


class _p2g_List(_p2g_ct.Structure):
    """pyc2go_list_DTYPE of runtime/c/pyc2go.h: one layout for every dtype.
    buf and src (a parameter's ctypes buffer and Python list) ride along."""
    _fields_ = [
        ("data", _p2g_ct.c_void_p),
        ("len", _p2g_ct.c_int64),
        ("cap", _p2g_ct.c_int64),
        ("owner", _p2g_ct.c_void_p),
    ]


class _p2g_Complex128(_p2g_ct.Structure):
    """double _Complex: passed and stored like a struct of two doubles."""
    _fields_ = [("re", _p2g_ct.c_double), ("im", _p2g_ct.c_double)]


class _p2g_Complex64(_p2g_ct.Structure):
    """float _Complex: passed and stored like a struct of two floats."""
    _fields_ = [("re", _p2g_ct.c_float), ("im", _p2g_ct.c_float)]


_p2g_free = _p2g_getattr(_p2g_lib, _P2G_FREE)
_p2g_free.argtypes = (_p2g_ct.c_void_p,)
_p2g_free.restype = None


class _p2g_Block:
    """A malloc'd block owned by results: freed when the last array using it
    is collected."""

    def __init__(self, ptr):
        self.ptr = ptr

    # free is bound at definition time: module globals may already be gone
    # when the interpreter shuts down.
    def __del__(self, free=_p2g_free):
        free(self.ptr)


class _p2g_Base:
    """The base object of a result array: numpy takes the layout from
    __array_interface__; keep holds what the memory belongs to."""

    def __init__(self, iface, keep):
        self.__array_interface__ = iface
        self.keep = keep


_P2G_INT_RANGE = {
    "int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1),
    "int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1),
    "uint8": (0, 2**8 - 1), "uint16": (0, 2**16 - 1),
    "uint32": (0, 2**32 - 1), "uint64": (0, 2**64 - 1),
}


def _p2g_kind_error(fn, name, want, x):
    return _p2g_TypeError("%s() argument '%s' must be %s, not %s" % (fn, name, want, _p2g_type(x).__name__))


def _p2g_scalar(x, kind, strict, fn, name, want):
    """x converted for a ctypes parameter of the annotated kind. strict
    accepts only the annotated Python or numpy type itself (overload
    resolution tries it first)."""
    t = _p2g_type(x)
    # The common cases first: calls through ctypes are already dear.
    if t is _p2g_float and kind == "float64" or t is _p2g_int and kind == "int64" and -2**63 <= x < 2**63:
        return x
    if kind in _P2G_INT_RANGE:
        if _p2g_isinstance(x, (_p2g_bool, _p2g_np.bool_)):
            ok = not strict
        elif strict and kind != "int64":
            ok = _p2g_isinstance(x, _p2g_np.dtype(kind).type)
        else:
            ok = _p2g_isinstance(x, _p2g_numbers.Integral)
        if not ok:
            raise _p2g_kind_error(fn, name, want, x)
        v = _p2g_int(x)
        lo, hi = _P2G_INT_RANGE[kind]
        if not lo <= v <= hi:
            raise _p2g_OverflowError("%s() argument '%s': %d does not fit in %s" % (fn, name, v, want))
        return v
    if kind == "bool":
        if not _p2g_isinstance(x, (_p2g_bool, _p2g_np.bool_)):
            raise _p2g_kind_error(fn, name, want, x)
        return _p2g_bool(x)
    if kind in ("float64", "float32"):
        if strict:
            ok = _p2g_isinstance(x, _p2g_float if kind == "float64" else _p2g_np.float32)
        else:
            ok = _p2g_isinstance(x, _p2g_numbers.Real)
        if not ok:
            raise _p2g_kind_error(fn, name, want, x)
        return _p2g_float(x)
    if kind in ("complex128", "complex64"):
        if strict:
            ok = _p2g_isinstance(x, _p2g_complex if kind == "complex128" else _p2g_np.complex64)
        else:
            ok = _p2g_isinstance(x, _p2g_numbers.Complex)
        if not ok:
            raise _p2g_kind_error(fn, name, want, x)
        z = _p2g_complex(x)
        return (_p2g_Complex128 if kind == "complex128" else _p2g_Complex64)(z.real, z.imag)
    raise _p2g_TypeError("%s() argument '%s': unsupported kind %s" % (fn, name, kind))


def _p2g_list(x, ct, kind, strict, fn, name, want):
    """The Python list x as a list parameter of ctypes elements ct."""
    if not _p2g_isinstance(x, _p2g_list_type):
        raise _p2g_kind_error(fn, name, want, x)
    n = _p2g_len(x)
    buf = (ct * n)(*[_p2g_scalar(e, kind, strict, fn, name, want) for e in x])
    r = _p2g_List(_p2g_ct.cast(buf, _p2g_ct.c_void_p), n, n, None)
    r.buf, r.src = buf, x
    return r


def _p2g_list_value(v):
    """A list element as Python holds it (complex numbers from their
    struct)."""
    if _p2g_isinstance(v, (_p2g_Complex128, _p2g_Complex64)):
        return _p2g_complex(v.re, v.im)
    return v


def _p2g_list_back(r):
    """Writes the elements of list parameter r back into the caller's
    list: the compiled function may have changed them (xs[i] = v,
    xs.sort()), as Python would have."""
    r.src[:] = [_p2g_list_value(v) for v in r.buf]


def _p2g_list_result(r, ct):
    """The Python list of list result r, whose block is freed."""
    vals = []
    if r.len:
        p = _p2g_ct.cast(r.data, _p2g_ct.POINTER(ct))
        vals = [_p2g_list_value(p[i]) for i in _p2g_range(r.len)]
    if r.owner:
        _p2g_free(r.owner)
    return vals


def _p2g_describe(x):
    if _p2g_isinstance(x, _p2g_np.ndarray):
        return "%s array of ndim %d" % (x.dtype, x.ndim)
    return _p2g_type(x).__name__


def _p2g_array(x, dtype, ndim, contig, mutable, fn, name, want):
    """The array struct describing x's memory: no copy. mutable: the
    compiled code may write x's elements."""
    if not _p2g_isinstance(x, _p2g_np.ndarray) or (x.dtype is not dtype and x.dtype != dtype) or x.ndim != ndim:
        raise _p2g_TypeError("%s() argument '%s' must be a %s array, not %s" % (fn, name, want, _p2g_describe(x)))
    if mutable and not x.flags.writeable:
        # numpy's message for a store into a read-only array; raised
        # before the call, where numpy would raise at the first store.
        raise _p2g_ValueError("assignment destination is read-only")
    size = dtype.itemsize
    ptr = x.ctypes.data
    strides = x.strides
    a = _p2g_Array()
    a.data = ptr
    a.ndim = ndim
    # Strides that are multiples of the item size from an aligned address
    # keep every element aligned: numpy's aligned flag, computed cheaply.
    # One axis, the common case, is written without a list: every call
    # pays for this function.
    if ndim == 1:
        s = strides[0]
        if s % size:
            raise _p2g_ValueError("%s() argument '%s': stride %d of axis %d is not a multiple of the item size %d" % (fn, name, s, 0, size))
        a.shape[0] = x.shape[0]
        a.strides[0] = s // size
    else:
        for k, s in _p2g_enumerate(strides):
            if s % size:
                raise _p2g_ValueError("%s() argument '%s': stride %d of axis %d is not a multiple of the item size %d" % (fn, name, s, k, size))
        a.shape[:ndim] = x.shape
        a.strides[:ndim] = [s // size for s in strides]
    if ptr % dtype.alignment:
        raise _p2g_ValueError("%s() argument '%s': pyc2go needs an aligned array" % (fn, name))
    if contig:
        if x.shape[-1] <= 1 or x.size == 0:
            # numpy calls any stride of such an axis contiguous (and gives
            # empty arrays zero strides); compiled code assumes 1.
            a.strides[ndim - 1] = 1
        elif a.strides[ndim - 1] != 1:
            raise _p2g_ValueError("%s() argument '%s' must be C-contiguous in its last axis (%s)" % (fn, name, want))
    return a


def _p2g_disjoint(fn, xname, x, yname, y):
    """Refuses arrays of different dtypes that share memory where the
    function writes one of them: the compiled code assumes them disjoint
    (its overlap tests compare arrays of one element type), so its result
    could differ from Python's."""
    if _p2g_np.may_share_memory(x, y):
        raise _p2g_ValueError("%s() arguments '%s' (%s) and '%s' (%s) share memory: pyc2go needs arrays of different dtypes to be disjoint when one is written (pass a copy)" % (fn, xname, x.dtype, yname, y.dtype))


def _p2g_result(a, dtype, blocks, args):
    """The numpy array of result struct a, without a copy. blocks maps the
    owner pointers already wrapped in this call; args are the arguments.
    A borrowing result (owner NULL) views an argument or an earlier result
    of the same call, so it keeps both alive."""
    ndim = a.ndim
    size = dtype.itemsize
    shape = _p2g_tuple(a.shape[:ndim])
    strides = _p2g_tuple([s * size for s in a.strides[:ndim]])
    ptr = (a.data or 0) + a.offset * size
    if a.owner:
        keep = blocks.get(a.owner)
        if keep is None:
            keep = blocks[a.owner] = _p2g_Block(a.owner)
    else:
        for x in args:
            if _p2g_isinstance(x, _p2g_np.ndarray) and x.ctypes.data == ptr and x.shape == shape and x.strides == strides and x.dtype == dtype:
                return x
        keep = (args, blocks)
    if ptr == 0:
        return _p2g_np.empty(shape, dtype)  # numpy refuses a NULL pointer; empty arrays may have one
    # The bytes the view spans, from its lowest to its highest element,
    # as a ctypes buffer that holds keep: numpy's ndarray constructor
    # views it at half the cost of __array_interface__ (every call pays).
    lo = hi = 0
    for n, s in _p2g_zip(shape, strides):
        if n == 0:
            iface = {"version": 3, "shape": shape, "typestr": dtype.str, "data": (ptr, False), "strides": strides}
            return _p2g_np.asarray(_p2g_Base(iface, keep))
        if s < 0:
            lo += (n - 1) * s
        else:
            hi += (n - 1) * s
    buf = (_p2g_ct.c_char * (hi - lo + size)).from_address(ptr + lo)
    buf.keep = keep
    return _p2g_np.ndarray(shape, dtype, buf, -lo, strides)


def _p2g_raise(err):
    name = err.exc.decode("ascii", "replace")
    msg = err.msg.decode("utf-8", "replace")
    cls = _p2g_numpy_errors.get(name) or _p2g_getattr(_p2g_builtins, name, None)
    if not (_p2g_isinstance(cls, _p2g_type) and _p2g_issubclass(cls, _p2g_Exception)):
        cls, msg = _p2g_RuntimeError, "%s: %s" % (name, msg)
    e = cls(msg) if msg else cls()
    if err.file and _p2g_hasattr(e, "add_note"):
        e.add_note("raised by compiled code at %s:%d in %s()" % (
            err.file.decode("utf-8", "replace"), err.line, (err.func or b"?").decode("utf-8", "replace")))
    raise e


def _p2g_dispatch(fn, overloads, args, keep, signatures):
    """Calls the first overload whose parameter types the arguments match
    exactly, else the first they convert to."""
    for strict in (True, False):
        for conv, call in overloads:
            try:
                c = conv(*args, strict)
            except (_p2g_TypeError, _p2g_ValueError, _p2g_OverflowError):
                continue
            return call(*c, keep)
    raise _p2g_TypeError("%s(): no compiled signature matches the arguments (%s); compiled: %s" % (
        fn, ", ".join(_p2g_describe(x) for x in args), signatures))
