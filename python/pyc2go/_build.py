"""Building: the pyc2go binary and the C compiler, run on a Slice.

jit: `pyc2go compile --lang python --no-build` writes the ctypes module
and its C sources; the C compiler builds the library from the kernel's C
and a runtime object compiled once per compiler and flags (compiling the
runtime is most of a cold build). vectorize: `pyc2go compile --lang c`
writes the kernel's C, which the loops file (pyc2go/_vectorize.py)
includes. Every result goes through the disk cache (pyc2go/_cache.py),
keyed by what it depends on.
"""

import glob
import hashlib
import importlib.machinery
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading

from . import _cache
from ._errors import CompileError, Diagnostic, ToolchainError

_HERE = os.path.dirname(os.path.abspath(__file__))


def _package_id():
    """A hash of this package's own files: a change to how modules are cut,
    loops printed or libraries built must not reuse old entries."""
    h = hashlib.sha256()
    for f in sorted(glob.glob(os.path.join(_HERE, "*.py")) + glob.glob(os.path.join(_HERE, "*.c"))):
        with open(f, "rb") as fh:
            h.update(os.path.basename(f).encode() + b"\0" + fh.read() + b"\0")
    return h.hexdigest()


PACKAGE_ID = _package_id()


def _machine():
    """The machine facts generated code depends on: the architecture, and
    the cache sizes pyc2go's tile pass reads from /sys when not told."""
    parts = [platform.machine()]
    for f in sorted(glob.glob("/sys/devices/system/cpu/cpu0/cache/index*/*")):
        if os.path.basename(f) in ("level", "type", "size"):
            try:
                with open(f) as fh:
                    parts.append(fh.read().strip())
            except OSError:
                pass
    return " ".join(parts)


MACHINE = _machine()


def pyc2go_binary():
    """The pyc2go binary: $PYC2GO_BIN (a path or a command name), else
    pyc2go on PATH."""
    name = os.environ.get("PYC2GO_BIN") or "pyc2go"
    path = shutil.which(name)
    if path is None:
        raise ToolchainError(
            "pyc2go: no pyc2go binary (%s): install it (in the pyc2go repository: go install ./cmd/pyc2go, which "
            "puts it in $(go env GOPATH)/bin) and put it on PATH, or name it in $PYC2GO_BIN" % name)
    return path


def _file_id(path):
    out = subprocess.run([path, "version"], capture_output=True, text=True).stdout.strip()
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return "%s sha256:%s" % (out, h.hexdigest())


def pyc2go_id():
    """The pyc2go binary's identity: its version and contents (a rebuilt
    compiler is a new compiler, whatever `pyc2go version` says)."""
    return _cache.remembered("pyc2go", pyc2go_binary(), _file_id)


def c_compiler():
    """The C compiler: $CC, else gcc (as `pyc2go compile --lang python`)."""
    name = os.environ.get("CC") or "gcc"
    path = shutil.which(name)
    if path is None:
        raise ToolchainError("pyc2go: no C compiler %r: install one (Debian: apt-get install -y gcc) or set CC" % name)
    return path


def _cc_id(path):
    out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    return "%s %s" % (os.path.realpath(path), out.splitlines()[0] if out else "")


def cc_id(cc):
    return _cache.remembered("cc", cc, _cc_id)


def cflags(parallel):
    """The C compiler's flags: $PYC2GO_JIT_CFLAGS, else -O3; -fopenmp for
    parallel=True. -std=c11 -fPIC come first always (pyc2go.h: ISO C keeps
    gcc from fusing multiply-adds, which would change results)."""
    flags = os.environ.get("PYC2GO_JIT_CFLAGS")
    flags = flags.split() if flags is not None else ["-O3"]
    if parallel:
        flags = flags + ["-fopenmp"]
    return ["-std=c11", "-fPIC"] + flags


def _remap(text, base, path):
    """pyc2go's report with the compiled file's name replaced by the
    function's own path, and its diagnostics."""
    diags, out = [], []
    for line in text.splitlines():
        if line.startswith(base + ":"):
            line = path + line[len(base):]
            m = re.match(r"^(.*?):(\d+):(\d+): error: (.*)$", line)
            if m and m.group(1) == path:
                diags.append(Diagnostic(path, int(m.group(2)), int(m.group(3)), m.group(4)))
            elif line.startswith(path + ": error: "):
                diags.append(Diagnostic(path, 0, 0, line[len(path) + 9:]))
        out.append(line)
    return "\n".join(out), diags


def _run_cc(cmd, cwd, what):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise CompileError("pyc2go: building %s failed: %s\n%s" % (what, " ".join(cmd), r.stdout + r.stderr))


def pyc2go_compile(sl, text, lang, flags, outdir):
    """Runs `pyc2go compile --lang LANG` on text (the slice's source) into
    outdir; CompileError with the diagnostics remapped to sl.path."""
    base = sl.base if sl.base.endswith(".py") else sl.base + ".py"
    src = os.path.join(outdir, "src")
    os.makedirs(src)
    with open(os.path.join(src, base), "w", encoding="utf-8") as fh:
        fh.write(text)
    cmd = [pyc2go_binary(), "compile", "--lang", lang] + flags + ["-o", os.path.join(outdir, "out"), base]
    if lang == "python":
        cmd.insert(4, "--no-build")
    r = subprocess.run(cmd, cwd=src, capture_output=True, text=True)
    if r.returncode != 0:
        msg, diags = _remap(r.stderr.rstrip("\n"), base, sl.path)
        raise CompileError(msg, diags)
    return os.path.join(outdir, "out")


# The C runtime's sources beside every compiled module (pyc2go.h is
# included by each); compiled once per content, compiler and flags.
_RUNTIME_SOURCES = ("pyc2go_runtime.c", "pyc2go_random.c")
_RUNTIME_HEADERS = ("pyc2go.h", "pyc2go_random.h", "pyc2go_ziggurat.h")

# np.linalg's runtime, written only beside kernels that use it, and the
# libraries it links (Debian: liblapacke-dev, libopenblas-dev).
_LINALG_SOURCE = "pyc2go_linalg.c"
_LINALG_LIBS = ["-llapacke", "-lopenblas"]

# Every file of the C runtime `pyc2go compile --lang c` may write; the
# rest of its output is the module's own NAME.h and NAME.c.
RUNTIME_FILES = frozenset(_RUNTIME_SOURCES + _RUNTIME_HEADERS + (_LINALG_SOURCE, "pyc2go_linalg.h"))


def runtime_objects(cdir, cc, flags):
    """The C runtime (_RUNTIME_SOURCES and _RUNTIME_HEADERS in cdir)
    compiled with cc and flags, from the cache: the object files."""
    names = [n for n in _RUNTIME_HEADERS + _RUNTIME_SOURCES if os.path.exists(os.path.join(cdir, n))]
    src = b""
    for n in names:
        with open(os.path.join(cdir, n), "rb") as fh:
            src += n.encode() + b"\0" + fh.read() + b"\0"
    key = _cache.key_of("runtime", src, cc_id(cc), flags)
    sources = [n for n in names if n.endswith(".c")]

    def build(d):
        for n in names:
            shutil.copy(os.path.join(cdir, n), d)
        for n in sources:
            _run_cc([cc] + flags + ["-c", n, "-o", n[:-2] + ".o"], d, "the pyc2go C runtime (%s)" % n)

    d = _cache.entry("runtime", "pyc2go_runtime", key, build)
    return [os.path.join(d, n[:-2] + ".o") for n in sources]


def link_library(cc, flags, cdir, sources, out):
    """Builds the shared library out from sources (in cdir) and the cached
    runtime objects; np.linalg's runtime and libraries when it is there."""
    libs = []
    if os.path.exists(os.path.join(cdir, _LINALG_SOURCE)):
        sources = sources + [_LINALG_SOURCE]
        libs = _LINALG_LIBS
    rt = runtime_objects(cdir, cc, flags)
    _run_cc([cc] + flags + ["-shared", "-o", out] + sources + rt + libs + ["-lm"], cdir, "the compiled module")


def load_module(path, name):
    """Imports the Python file at path as a module called name (not put in
    sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_ufunc_ext = None
_ufunc_lock = threading.Lock()


def ufunc_extension():
    """The _pyc2go_ufunc extension module (pyc2go/_ufunc.c), built once per
    interpreter, numpy and C compiler."""
    with _ufunc_lock:
        if _ufunc_ext is None:
            _load_ufunc_extension()
        return _ufunc_ext


def _load_ufunc_extension():
    global _ufunc_ext
    import numpy as np

    cc = c_compiler()
    include = sysconfig.get_paths()["include"]
    if not os.path.exists(os.path.join(include, "Python.h")):
        raise ToolchainError("pyc2go.vectorize builds a CPython extension and needs Python.h (%s): "
                             "apt-get install -y python3-dev" % include)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    src = os.path.join(_HERE, "_ufunc.c")
    with open(src, "rb") as fh:
        code = fh.read()
    flags = ["-std=c11", "-fPIC", "-O2", "-shared"]
    key = _cache.key_of("ufunc-ext", code, sys.version, suffix, np.__version__, np.get_include(), cc_id(cc), flags)

    def build(d):
        _run_cc([cc] + flags + ["-I", include, "-I", np.get_include(), src, "-o", "_pyc2go_ufunc" + suffix], d,
                "pyc2go's ufunc extension")

    d = _cache.entry("ext", "_pyc2go_ufunc", key, build)
    loader = importlib.machinery.ExtensionFileLoader("_pyc2go_ufunc", os.path.join(d, "_pyc2go_ufunc" + suffix))
    spec = importlib.util.spec_from_loader("_pyc2go_ufunc", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    _ufunc_ext = mod


def temp_dir():
    return tempfile.TemporaryDirectory(prefix="pyc2go-build-")
