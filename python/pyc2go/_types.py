"""Scalar kinds: how a numpy dtype is spelled in a `#pythran export` line,
in the C ABI (runtime/c/src/pyc2go.h), and in a vectorize signature.

int64, float64, complex128 and bool are exported as Python's int, float,
complex and bool: pyc2go gives numpy's 8-byte kinds Python's semantics
anyway (docs/semantics.md), and the sized kinds keep numpy's scalar
semantics (wrapping, no ZeroDivisionError), as numpy scalars do in CPython.
"""

import numpy as np

# dtype name -> (pythran export name, C type of the ABI)
KINDS = {
    "bool": ("bool", "bool"),
    "int8": ("int8", "int8_t"),
    "int16": ("int16", "int16_t"),
    "int32": ("int32", "int32_t"),
    "int64": ("int", "int64_t"),
    "uint8": ("uint8", "uint8_t"),
    "uint16": ("uint16", "uint16_t"),
    "uint32": ("uint32", "uint32_t"),
    "uint64": ("uint64", "uint64_t"),
    "float32": ("float32", "float"),
    "float64": ("float", "double"),
    "complex64": ("complex64", "float _Complex"),
    "complex128": ("complex", "double _Complex"),
}

# C type of the ABI -> dtype name
C_KINDS = {c: name for name, (_, c) in KINDS.items()}

# numpy type number -> dtype, for the kinds above (int64 has two numbers
# on LP64 platforms, long and long long; both map to int64).
BY_NUM = {}
for _name in KINDS:
    for _code in np.typecodes["All"]:
        _dt = np.dtype(_code)
        if _dt.name == _name and _dt.num not in BY_NUM:
            BY_NUM[_dt.num] = _dt
del _name, _code, _dt

# Spellings of vectorize signatures besides numpy's own dtype names
# (numba's boolean and b1, which numpy reads differently or not at all).
_ALIASES = {"boolean": "bool", "b1": "bool", "bool_": "bool"}


def dtype_of(name):
    """The dtype a signature names (float64, f8, int32, i4, ...), or
    ValueError."""
    name = name.strip()
    try:
        dt = np.dtype(_ALIASES.get(name, name))
    except TypeError:
        raise ValueError("unknown type %r" % name) from None
    if dt.name not in KINDS or not dt.isnative:
        raise ValueError("type %r (%s) has no pyc2go scalar kind; use one of %s" % (name, dt, ", ".join(KINDS)))
    return dt


def export_name(dt):
    """dt as a `#pythran export` parameter type."""
    return KINDS[dt.name][0]


def c_type(dt):
    """dt's C type in the ABI."""
    return KINDS[dt.name][1]


def _split_top(s):
    """s split at its top-level commas."""
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def parse_signature(sig):
    """("float64(float64, float64)" -> ((float64, float64), (float64,))): the
    input and output dtypes of a vectorize signature. A tuple result is
    written "(int64, int64)(int64, int64)"."""
    s = sig.strip()
    if not s.endswith(")"):
        raise ValueError("bad signature %r: want RESULT(ARG, ...), e.g. float64(float64, float64)" % sig)
    # The argument list is the last balanced (...).
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(s[i], 0)
        if depth == 0:
            break
    result, args = s[:i].strip(), s[i + 1:-1]
    if not result:
        raise ValueError("bad signature %r: no result type" % sig)
    if result.startswith("(") and result.endswith(")"):
        outs = [dtype_of(p) for p in _split_top(result[1:-1])]
    else:
        outs = [dtype_of(result)]
    ins = [dtype_of(p) for p in _split_top(args)]
    if not ins or not outs:
        raise ValueError("bad signature %r: a ufunc needs inputs and outputs" % sig)
    return tuple(ins), tuple(outs)


def describe(x):
    """How an argument's type reads in messages."""
    if isinstance(x, np.ndarray):
        return "%s array of ndim %d" % (x.dtype, x.ndim)
    return type(x).__name__


def export_type(x):
    """The `#pythran export` type of argument x, for specialising an
    unannotated function, or None when pyc2go has no type for it."""
    t = type(x)
    if t is bool or t is np.bool_:
        return "bool"
    if t is int:
        return "int"
    if t is float:
        return "float"
    if t is complex:
        return "complex"
    if isinstance(x, np.ndarray):
        dt = x.dtype
        if dt.name not in KINDS or not dt.isnative or not 1 <= x.ndim <= 4:
            return None
        return "%s[%s]" % (dt.name, ", ".join([":"] * x.ndim))
    if isinstance(x, np.generic):
        dt = x.dtype
        if dt.name in KINDS:
            return export_name(dt) if dt.name not in ("int64", "float64", "complex128") else dt.name
    return None
