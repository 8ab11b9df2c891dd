"""Helpers of the package's tests: outcomes of calls and their comparison.

The reference is always CPython itself: the undecorated function, numpy's
own ufuncs, or np.frompyfunc of the scalar function; no expected value is
typed by hand.
"""

import copy
import os
import subprocess
import sys

import numpy as np

# numpy's 8-byte kinds come back from compiled code as Python's own types
# (README: Calling compiled kernels from Python, "Results"): pyc2go gives
# them Python's semantics, so only the type object differs.
_PY = {np.float64: float, np.int64: int, np.bool_: bool, np.complex128: complex}


def outcome(f, args, kwargs=None):
    """("ok", result, args after the call) or ("raise", class, message)."""
    args = copy.deepcopy(args)
    try:
        r = f(*args, **(kwargs or {}))
    except Exception as e:  # the comparison is the test
        return ("raise", type(e), str(e))
    return ("ok", r, args)


def same_value(want, got):
    """Whether got is want: arrays of one dtype, shape and bits (NaNs
    alike), scalars of one type (up to _PY) and repr, tuples elementwise."""
    if isinstance(want, tuple):
        return isinstance(got, tuple) and len(want) == len(got) and all(same_value(w, g) for w, g in zip(want, got))
    if isinstance(want, np.ndarray):
        return (isinstance(got, np.ndarray) and want.dtype == got.dtype and want.shape == got.shape
                and np.array_equal(want, got, equal_nan=want.dtype.kind in "fc"))
    tw, tg = _PY.get(type(want), type(want)), _PY.get(type(got), type(got))
    return tw is tg and repr(want) == repr(got)


def same_outcome(want, got):
    if want[0] != got[0]:
        return False
    if want[0] == "raise":
        return want[1] is got[1] and want[2] == got[2]
    return same_value(want[1], got[1]) and same_value(tuple(want[2]), tuple(got[2]))


def python(code, cwd=None, env=None):
    """Runs code in a new interpreter of this one (the tests' environment:
    PYTHONPATH, PYC2GO_BIN, PYC2GO_CACHE); returns stdout, failing on a
    non-zero exit."""
    e = dict(os.environ)
    e.update(env or {})
    r = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=e, capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("subprocess failed (%d):\n%s\n%s" % (r.returncode, r.stdout, r.stderr))
    return r.stdout
