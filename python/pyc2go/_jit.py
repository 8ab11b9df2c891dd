"""pyc2go.jit: compile a function on its first call, through the C backend,
into a native (ctypes) module, and call that from then on.

A function with a signature (every parameter annotated, or its own
`#pythran export` lines) compiles once. Any other is specialised on the
types of its arguments, like numba's dispatcher: each new combination of
argument types (numpy dtype and ndim for arrays, the exact type for
scalars) compiles one version, through a `#pythran export` line, and
later calls with those types go straight to it.
"""

import functools
import inspect
import os
import shutil
import sys
import threading
import warnings

import numpy as np

from . import _build, _cache, _source, _types
from ._errors import CompileError, FallbackWarning

# Modules loaded in this process, by cache key: two dispatchers of the
# same source share one.
_loaded = {}
_loaded_lock = threading.Lock()


def _argkey(x):
    """What a specialisation depends on in argument x."""
    if isinstance(x, np.ndarray):
        return (x.dtype, x.ndim)
    return type(x)


class Options:
    """The options of jit and vectorize, and how they reach the compilers."""

    def __init__(self, boundscheck=True, wraparound=True, fastmath=False, parallel=False, cache=True):
        self.boundscheck = bool(boundscheck)
        self.wraparound = bool(wraparound)
        self.fastmath = bool(fastmath)
        self.parallel = bool(parallel)
        self.cache = bool(cache)

    def pyc2go_flags(self):
        flags = []
        if not self.boundscheck:
            flags.append("--boundscheck=off")
        if not self.wraparound:
            flags.append("--wraparound=off")
        if self.fastmath:
            flags.append("--fastmath")
        if not self.parallel:
            # numba's prange without parallel=True is range.
            flags.append("--passes=-parallel")
        return flags

    def cflags(self):
        return _build.cflags(self.parallel)

    def key(self, kind, base, text):
        """The cache key of compiling text (a Slice's source named base)."""
        cc = _build.c_compiler()
        return _cache.key_of(kind, _build.PACKAGE_ID, _build.pyc2go_id(), _build.cc_id(cc), self.cflags(),
                             self.pyc2go_flags(), _build.MACHINE, base, text)


class Dispatcher:
    """What jit returns: a callable with the function's name, docstring and
    signature that runs its compiled form. py_func is the original."""

    def __init__(self, py_func, options, fallback=False):
        if not inspect.isfunction(py_func):
            raise TypeError("pyc2go.jit compiles Python functions, not %r" % (py_func,))
        functools.update_wrapper(self, py_func)
        self.py_func = py_func
        self._opts = options
        self._fallback = fallback
        self._lock = threading.Lock()
        self._slice = None
        self._fixed = None  # the compiled function of a function with a signature
        self._table = {}  # argument types -> compiled function (or a raiser)
        self._sig = inspect.signature(py_func)
        self._nparams = len(self._sig.parameters)
        self._warned = False

    def __repr__(self):
        return "<pyc2go.jit %s>" % self.py_func.__qualname__

    @property
    def signatures(self):
        """The argument types compiled so far (empty for a function with
        its own signature); types that failed to compile are not listed."""
        return [k for k, fn in list(self._table.items()) if fn is not self.py_func and not getattr(fn, "_pyc2go_failed", False)]

    def __call__(self, *args, **kwargs):
        fixed = self._fixed
        if fixed is not None:
            return fixed(*args, **kwargs)
        if not kwargs and len(args) == self._nparams:
            fn = self._table.get(tuple(map(_argkey, args)))
            if fn is not None:
                return fn(*args)
        return self._first(args, kwargs)(*args, **kwargs)

    def _first(self, args, kwargs):
        """The compiled function for these arguments, compiling it if this
        is its first call."""
        with self._lock:
            if self._slice is None:
                try:
                    self._slice = _source.cut(self.py_func)
                except CompileError as e:
                    self._fixed = self._failed(e)
                    return self._fixed
            if self._slice.annotated:
                if self._fixed is None:
                    self._fixed = self._compile(self._slice.text)
                return self._fixed
        try:
            bound = self._sig.bind(*args, **kwargs)
        except TypeError:
            return self.py_func  # Python's own message for a bad call
        bound.apply_defaults()
        values = list(bound.arguments.values())
        key = tuple(map(_argkey, values))
        fn = self._table.get(key)
        if fn is None:
            with self._lock:
                fn = self._table.get(key)
                if fn is None:
                    fn = self._table[key] = self._specialise(values)
        return fn

    def _specialise(self, values):
        types = []
        for p, v in zip(self._sig.parameters, values):
            t = _types.export_type(v)
            if t is None:
                return self._failed(TypeError(
                    "pyc2go.jit: cannot compile %s for argument %s of type %s: pyc2go compiles bool, int, float, "
                    "complex, numpy scalars and native-byte-order numpy arrays of ranks 1 to 4 of those kinds"
                    % (self.py_func.__name__, p, _types.describe(v))))
            types.append(t)
        return self._compile(self._slice.with_exports([types]))

    def _compile(self, text):
        try:
            mod = load(self._slice, text, self._opts)
        except CompileError as e:
            if any("needs a type annotation" in d.message and " of %s " % self._slice.name not in d.message for d in e.diagnostics):
                e = CompileError(str(e) + "\n(pyc2go.jit takes the types of %s's parameters from each call; the functions it "
                                 "calls need annotations or #pythran export lines)" % self._slice.name, e.diagnostics)
            return self._failed(e)
        return getattr(mod, self._slice.name)

    def _failed(self, err):
        """What runs instead of a function that failed to compile: the
        interpreter with fallback=True (warning once), else a function
        raising err again (without compiling again)."""
        if self._fallback:
            if not self._warned:
                self._warned = True
                warnings.warn(FallbackWarning("pyc2go.jit: running %s in the interpreter: %s" % (self.py_func.__name__, err)),
                              stacklevel=_caller_level())
            return self.py_func

        def fail(*args, **kwargs):
            raise err.with_traceback(None)

        fail._pyc2go_failed = True
        return fail


def _caller_level():
    """The stacklevel of warnings.warn that names the first frame outside
    this package: the user's call."""
    here = os.path.dirname(os.path.abspath(__file__))
    f, level = sys._getframe(1), 1
    while f is not None and os.path.dirname(os.path.abspath(f.f_code.co_filename)) == here:
        f, level = f.f_back, level + 1
    return level


def load(sl, text, opts):
    """The native module of text (sl's source, specialised), from this
    process, the disk cache, or a new build."""
    key = opts.key("jit", sl.base, text)
    with _loaded_lock:
        mod = _loaded.get(key)
    if mod is not None:
        return mod

    def build(d):
        with _build.temp_dir() as tmp:
            out = _build.pyc2go_compile(sl, text, "python", opts.pyc2go_flags(), tmp)
            pyfile = [f for f in os.listdir(out) if f.endswith("_native.py")][0]
            csrc = pyfile[:-len("_native.py")] + ".c"  # NAME.c beside NAME_native.py
            lib = _library_name(os.path.join(out, pyfile))
            _build.link_library(_build.c_compiler(), opts.cflags(), out, [csrc], os.path.join(d, lib))
            shutil.copy(os.path.join(out, pyfile), d)
            shutil.copy(os.path.join(out, csrc), d)  # for the curious: what the library was built from

    d = _cache.entry("jit", sl.label, key, build,
                     use_disk=opts.cache)
    try:
        pyfile = [f for f in os.listdir(d) if f.endswith("_native.py")][0]
        mod = _build.load_module(os.path.join(d, pyfile), "_pyc2go_jit_" + key[:16])
    finally:
        if not opts.cache:
            shutil.rmtree(d, ignore_errors=True)  # the loaded library stays mapped
    with _loaded_lock:
        return _loaded.setdefault(key, mod)


def _library_name(pyfile):
    """The library file the generated module loads (its _P2G_LIBRARY)."""
    with open(pyfile, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("_P2G_LIBRARY = "):
                return line.split("=", 1)[1].strip().strip('"')
    raise CompileError("pyc2go: %s names no library" % pyfile)


def jit(func=None, *, boundscheck=True, wraparound=True, fastmath=False, parallel=False, cache=True, fallback=False):
    """Compiles func with pyc2go's C backend on its first call. See
    docs/python.md for the options and what a compiled function does."""
    opts = Options(boundscheck=boundscheck, wraparound=wraparound, fastmath=fastmath, parallel=parallel, cache=cache)
    if func is None:
        return lambda f: Dispatcher(f, opts, fallback)
    if not callable(func):
        raise TypeError("pyc2go.jit takes a function, or its options by keyword: @pyc2go.jit(fastmath=True)")
    return Dispatcher(func, opts, fallback)
