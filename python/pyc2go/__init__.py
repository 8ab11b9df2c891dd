"""pyc2go from Python: compile numpy-style functions with pyc2go's C
backend on their first call, and make numpy ufuncs of scalar functions.

    import pyc2go

    @pyc2go.jit
    def total(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s

    @pyc2go.vectorize(["float64(float64, float64)"])
    def rel(x, y):
        return (x - y) / y

Needs numpy, the pyc2go binary (on PATH or named by $PYC2GO_BIN) and a C
compiler ($CC, else gcc); vectorize also needs Python's headers
(python3-dev). Compiled modules are cached on disk (cache_dir()). See
docs/python.md in the pyc2go repository.
"""

from . import _cache
from ._cache import cache_dir, clear_cache
from ._errors import CompileError, Diagnostic, FallbackWarning, ToolchainError
from ._jit import Dispatcher, jit
from ._vectorize import vectorize

__version__ = "0.1.0"

__all__ = ["jit", "vectorize", "Dispatcher", "CompileError", "Diagnostic", "FallbackWarning", "ToolchainError",
           "cache_dir", "clear_cache", "stats"]


def stats():
    """This process's cache counters, per kind of compiled entry:
    {"compiled": {"jit": n, "ufunc": n, "runtime": n, "ext": n}, "disk_hits":
    {...}}: entries built by this process, and entries it found in the disk
    cache. A module already loaded in the process counts in neither."""
    with _cache._stats_lock:
        return {k: dict(v) for k, v in _cache.stats.items()}
