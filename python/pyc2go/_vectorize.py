"""pyc2go.vectorize: a real numpy.ufunc whose loops call a scalar function
compiled by pyc2go's C backend.

The ufunc object comes from the _pyc2go_ufunc extension (pyc2go/_ufunc.c).
Each loop is a C function printed here, compiled with the kernel's C in
one translation unit (so the compiler can inline the scalar function into
the loop), and added to the ufunc by address. With signatures, all loops
are compiled when the decorator runs; without, the ufunc starts empty and
its type resolver asks `_Dynamic` for a loop the first time it meets a
combination of input dtypes.

The scalar function keeps Python's semantics per element: an exception it
raises (ZeroDivisionError, ValueError("math domain error"), ...) stops the
ufunc and is raised, like np.frompyfunc. Floating-point conditions that do
not raise in Python (overflow to inf, a NaN made from numbers) set the
CPU's flags, which numpy reports after the loop according to np.errstate
as for its own ufuncs. The loop clears the "invalid" flag unless the
function made a NaN out of non-NaN inputs: C's ordered comparisons (x > 0)
and max/min instructions raise it for any NaN operand, which numpy's own
ufuncs never report.
"""

import ctypes
import json
import os
import re
import shutil
import threading

import numpy as np

from . import _build, _cache, _source, _types
from ._jit import Options

_HOOKS = """struct pyc2go_ufunc_hooks {
	void (*raise_error)(const char *exc, const char *msg, const char *file, int line, const char *func);
};
"""


def _header_functions(path):
    """{C name: [parameter C types]} of the functions a pyc2go header
    declares (one `int NAME(PARAMS);` line each)."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^int (\w+)\((.*)\);$", line.strip())
            if m:
                params = []
                for p in m.group(2).split(", "):
                    pm = re.match(r"^(.*?)\s*(\*?)\s*(\w+)$", p.strip())
                    params.append((pm.group(1).strip(), pm.group(2) == "*"))
                out[m.group(1)] = params
    return out


def _isnan(expr, dt):
    if dt.kind == "f":
        return "isnan(%s)" % expr
    if dt.kind == "c":
        re_, im = ("crealf", "cimagf") if dt.itemsize == 8 else ("creal", "cimag")
        return "(isnan(%s(%s)) || isnan(%s(%s)))" % (re_, expr, im, expr)
    return None


def _loop_c(name, cfunc, ins, res, outs):
    """The C of one ufunc loop: name calls cfunc on inputs of dtypes ins,
    whose results (dtypes res) are cast to the output dtypes outs."""
    nin = len(ins)
    ops = list(ins) + list(outs)

    def body(step):
        lines = ["\tfor (intptr_t i = 0; i < n; i++) {"]
        for k, dt in enumerate(ins):
            if dt.kind == "b":
                lines.append("\t\tunsigned char b%d;" % k)
                lines.append("\t\tmemcpy(&b%d, args[%d] + i * %s, 1);" % (k, k, step(k)))
                lines.append("\t\tbool a%d = b%d != 0;" % (k, k))
            else:
                lines.append("\t\t%s a%d;" % (_types.c_type(dt), k))
                lines.append("\t\tmemcpy(&a%d, args[%d] + i * %s, sizeof a%d);" % (k, k, step(k), k))
        for k, dt in enumerate(res):
            lines.append("\t\t%s r%d;" % (_types.c_type(dt), k))
        call = ", ".join(["a%d" % k for k in range(nin)] + ["&r%d" % k for k in range(len(res))] + ["&err"])
        lines.append("\t\tif (%s(%s)) {" % (cfunc, call))
        lines.append("\t\t\thooks->raise_error(err.exc, err.msg, err.file, err.line, err.func);")
        lines.append("\t\t\treturn;")
        lines.append("\t\t}")
        made = [_isnan("r%d" % k, dt) for k, dt in enumerate(res) if _isnan("r%d" % k, dt)]
        if made:
            given = [_isnan("a%d" % k, dt) for k, dt in enumerate(ins) if _isnan("a%d" % k, dt)]
            cond = "(%s)" % " || ".join(made)
            if given:
                cond += " && !(%s)" % " || ".join(given)
            lines.append("\t\tif (%s) {" % cond)
            lines.append("\t\t\tmade_nan = 1;")
            lines.append("\t\t}")
        for k, (r, o) in enumerate(zip(res, outs)):
            j = nin + k
            if o.kind == "b":
                lines.append("\t\tunsigned char o%d = (unsigned char)(r%d != 0);" % (k, k))
            else:
                lines.append("\t\t%s o%d = (%s)r%d;" % (_types.c_type(o), k, _types.c_type(o), k))
            lines.append("\t\tmemcpy(args[%d] + i * %s, &o%d, sizeof o%d);" % (j, step(j), k, k))
        lines.append("\t}")
        return lines

    def size(dt):
        return "1" if dt.kind == "b" else "sizeof(%s)" % _types.c_type(dt)

    contiguous = " && ".join("steps[%d] == (intptr_t)%s" % (k, size(dt)) for k, dt in enumerate(ops))
    src = ["void %s(char **args, const intptr_t *dims, const intptr_t *steps, void *data)" % name, "{"]
    src += [
        "\tconst struct pyc2go_ufunc_hooks *hooks = data;",
        "\tconst intptr_t n = dims[0];",
        "\tconst int invalid0 = fetestexcept(FE_INVALID);",
        "\tint made_nan = 0;",
        "\tpyc2go_error err;",
        "\t/* Contiguous operands get a loop of constant strides, which the",
        "\t * C compiler can vectorise. */",
        "\tif (%s) {" % contiguous,
    ]
    src += ["\t" + ln for ln in body(lambda k: size(ops[k]))]
    src += ["\t} else {"]
    src += ["\t" + ln for ln in body(lambda k: "steps[%d]" % k)]
    src += [
        "\t}",
        "\tif (!invalid0 && !made_nan) {",
        "\t\tfeclearexcept(FE_INVALID);",
        "\t}",
        "}",
    ]
    return "\n".join(src) + "\n"


def _identity(ext, identity):
    """(numpy identity code, value) of vectorize's identity= (numba's
    spellings: 0, 1, "reorderable", None, or any value)."""
    if identity is None:
        return ext.IDENTITY_NONE, None
    if isinstance(identity, str):
        if identity != "reorderable":
            raise ValueError("identity=%r: want None, \"reorderable\" or a value" % identity)
        return ext.IDENTITY_REORDERABLE, None
    return ext.IDENTITY_VALUE, identity


class _Loops:
    """Compiles loops of one scalar function and adds them to ufuncs."""

    def __init__(self, func, opts):
        self.func = func
        self.opts = opts
        self.slice = _source.cut(func, strip_annotations=True)
        self.nin = len(self.slice.params)

    def add(self, ext, uf, sigs):
        """Compiles the loops of sigs, a list of (input dtypes, input type
        numbers, output dtypes or None for the function's own result
        types), and adds them to uf."""
        sl = self.slice
        unique = []
        for ins, _, _ in sigs:
            if ins not in unique:
                unique.append(ins)
        text = sl.with_exports([[_types.export_name(d) for d in ins] for ins in unique])
        spec = json.dumps([[[d.str for d in ins], nums, [d.str for d in outs] if outs else None] for ins, nums, outs in sigs])
        key = self.opts.key("ufunc", sl.base, text + "\0" + spec)

        def build(d):
            with _build.temp_dir() as tmp:
                out = _build.pyc2go_compile(sl, text, "c", self.opts.pyc2go_flags(), tmp)
                header = [f for f in os.listdir(out) if f.endswith(".h") and f not in _build.RUNTIME_FILES][0]
                prefix = header[:-2]
                decls = _header_functions(os.path.join(out, header))
                loops, src = [], []
                for j, (ins, nums, outs) in enumerate(sigs):
                    k = unique.index(ins)
                    cname = "%s_%s" % (prefix, sl.name) + ("_%d" % (k + 1) if k else "")
                    params = decls.get(cname)
                    if params is None:
                        raise sl.error("vectorize: pyc2go compiled no %s in %s" % (cname, header))
                    res = []
                    for ctype, ptr in params[self.nin:-1]:
                        if ctype not in _types.C_KINDS or not ptr:
                            raise sl.error("vectorize: %s%s returns %s; a ufunc's function returns numbers (or a tuple of numbers)"
                                           % (sl.name, _sigtext(ins), _ctype_text(ctype)))
                        res.append(np.dtype(_types.C_KINDS[ctype]))
                    if not res:
                        raise sl.error("vectorize: %s%s returns nothing; a ufunc's function returns a value" % (sl.name, _sigtext(ins)))
                    want = outs or tuple(res)
                    if len(want) != len(res):
                        raise sl.error("vectorize: %s%s returns %d values, the ufunc has %d outputs"
                                       % (sl.name, _sigtext(ins), len(res), len(want)))
                    for r, o in zip(res, want):
                        if not np.can_cast(r, o, "same_kind"):
                            raise sl.error("vectorize: %s%s returns %s, which does not cast to %s (same_kind); "
                                           "declare %s or convert in the function" % (sl.name, _sigtext(ins), r, o, r))
                    name = "p2g_ufunc_loop_%d" % j
                    src.append(_loop_c(name, cname, ins, res, want))
                    loops.append([name, list(nums) + [o.num for o in want]])
                csrc = "%s_ufunc.c" % prefix
                with open(os.path.join(out, csrc), "w") as fh:
                    fh.write("/* Code generated by pyc2go's Python package from %s. DO NOT EDIT. */\n\n" % sl.base)
                    fh.write("#include <fenv.h>\n#include <math.h>\n#include <stdint.h>\n#include <string.h>\n\n")
                    fh.write("#include \"%s.c\"\n\n%s\n" % (prefix, _HOOKS))
                    fh.write("\n".join(src))
                lib = "lib%s_ufunc.so" % prefix
                _build.link_library(_build.c_compiler(), self.opts.cflags(), out, [csrc], os.path.join(d, lib))
                shutil.copy(os.path.join(out, csrc), d)
                shutil.copy(os.path.join(out, prefix + ".c"), d)
                with open(os.path.join(d, "loops.json"), "w") as fh:
                    json.dump({"library": lib, "loops": loops}, fh)

        d = _cache.entry("ufunc", sl.label, key, build,
                         use_disk=self.opts.cache)
        try:
            with open(os.path.join(d, "loops.json")) as fh:
                meta = json.load(fh)
            lib = ctypes.CDLL(os.path.join(d, meta["library"]))
        finally:
            if not self.opts.cache:
                shutil.rmtree(d, ignore_errors=True)
        for name, types in meta["loops"]:
            addr = ctypes.cast(getattr(lib, name), ctypes.c_void_p).value
            ext.add_loop(uf, tuple(types), addr, lib)


def _ctype_text(ctype):
    """An array type of the C ABI (pyc2go_array_float64) as Python says it."""
    return ctype.replace("const ", "").replace("pyc2go_array_", "an array of ")


def _sigtext(ins):
    return "(%s)" % ", ".join(d.name for d in ins)


class _Dynamic:
    """The compile callback of a ufunc without signatures: called by its
    type resolver with the input type numbers it has no loop for."""

    def __init__(self, loops, ext):
        self.loops = loops
        self.ext = ext
        self.lock = threading.Lock()
        self.done = set()

    def prepare(self, uf, method, args, kwargs):
        """Compiles the loop a call of uf's method (with args and kwargs)
        will need, before numpy starts resolving it (see _ufunc.c). Only a
        guess at the operands numpy resolves: anything it cannot read is
        left to numpy (and to the resolver, which compiles on a miss)."""
        kwargs = kwargs or {}
        if "dtype" in kwargs or "signature" in kwargs:
            return  # numpy picks among the existing loops
        try:
            nums = self._operands(uf, method, args, kwargs)
        except Exception:  # numpy reports bad arguments its own way
            return
        if nums is not None and None not in nums:
            self(uf, tuple(nums))

    @staticmethod
    def _operands(uf, method, args, kwargs):
        """The type numbers of the inputs numpy will resolve a loop for."""

        def num(x):
            return np.asarray(x).dtype.num

        if method == "__call__":
            return [num(x) for x in args[:uf.nin]] if len(args) >= uf.nin else None
        if method in ("reduce", "accumulate", "reduceat"):
            arr = np.asarray(args[0] if args else kwargs["array"])
            out = kwargs.get("out")
            if isinstance(out, tuple):
                out = out[0] if len(out) == 1 else None
            return [out.dtype.num if isinstance(out, np.ndarray) else arr.dtype.num, arr.dtype.num]
        if method == "outer":
            return [num(x) for x in args[:2]]
        if method == "at":
            a = args[0]
            return [a.dtype.num] + ([num(args[2])] if len(args) > 2 else [])
        return None

    def __call__(self, uf, nums):
        with self.lock:
            if nums in self.done:
                return
            ins = []
            for n in nums:
                dt = _types.BY_NUM.get(n)
                if dt is None:
                    raise TypeError("ufunc '%s' (pyc2go.vectorize) has no loop for %s inputs: pyc2go compiles %s"
                                    % (uf.__name__, _dtype_name(n), ", ".join(_types.KINDS)))
                ins.append(dt)
            self.loops.add(self.ext, uf, [(tuple(ins), list(nums), None)])
            self.done.add(nums)


def _dtype_name(num):
    for c in np.typecodes["All"] + "O":
        if np.dtype(c).num == num:
            return str(np.dtype(c))
    return "type number %d" % num


def vectorize(signatures=None, *, identity=None, cache=True, fastmath=False):
    """Makes a numpy.ufunc of a scalar function compiled by pyc2go: with
    signatures ("float64(float64, float64)", ...) compiled now, one loop
    each; without, compiled per input dtypes on first use. See
    docs/python.md."""
    if signatures is not None and not isinstance(signatures, (str, list, tuple)):
        if callable(signatures):
            return _make(signatures, None, identity, Options(cache=cache, fastmath=fastmath))
        raise TypeError("pyc2go.vectorize takes a list of signatures, or decorates a function")
    if isinstance(signatures, str):
        signatures = [signatures]
    opts = Options(cache=cache, fastmath=fastmath)
    return lambda f: _make(f, signatures, identity, opts)


def _make(func, signatures, identity, opts):
    ext = _build.ufunc_extension()
    loops = _Loops(func, opts)
    if loops.nin == 0:
        raise TypeError("pyc2go.vectorize: %s takes no arguments; a ufunc's function takes its inputs" % func.__name__)
    code, value = _identity(ext, identity)
    doc = func.__doc__ or ""
    if not signatures:
        nout = loops.slice.returns_tuple or 1
        return ext.new_ufunc(func.__name__, doc, loops.nin, nout, code, value, _Dynamic(loops, ext))
    sigs = []
    for s in signatures:
        try:
            ins, outs = _types.parse_signature(s)
        except ValueError as e:
            raise ValueError("pyc2go.vectorize: %s" % e) from None
        if len(ins) != loops.nin:
            raise TypeError("pyc2go.vectorize: signature %r has %d inputs; %s takes %d" % (s, len(ins), func.__name__, loops.nin))
        sigs.append((ins, [d.num for d in ins], outs))
    nouts = {len(outs) for _, _, outs in sigs}
    if len(nouts) != 1:
        raise TypeError("pyc2go.vectorize: the signatures of %s differ in their number of outputs" % func.__name__)
    uf = ext.new_ufunc(func.__name__, doc, loops.nin, nouts.pop(), code, value, None)
    loops.add(ext, uf, sigs)
    return uf
