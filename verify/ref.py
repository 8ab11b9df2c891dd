"""Reference side of `pyc2go verify`: runs kernels in CPython + numpy.

Reads a JSON request on stdin, writes a JSON reply on stdout. The request
names the kernel file, its functions with their parameter types, a seed, a
case count, a work directory, and optionally a cases file defining
CASES = [(func_name, args_factory), ...] where args_factory(rng) returns the
argument tuple; functions the CASES list does not name get generated
inputs. For every case it records the arguments as Python literals (what
the compiled side parses) and the result's repr, or the exception's class
and message.

Arrays (a parameter {"type": "float64[:, :]", "dtype": "float64",
"rank": 2}, or any ndarray in a CASES tuple) cross the process boundary as
.npy files: case K's array argument N is saved as WORKDIR/case_K/in/arg_N.npy
and recorded as {"npy": PATH, "desc": SHORT_TEXT}. The kernel gets copies.
After a successful call, WORKDIR/case_K/py/ receives the result (when it is
an ndarray or a tuple holding one: result.npy, or result_N.npy per tuple
element, scalars as 0-d arrays) and every array argument as it is after the
call (arg_N.npy, N the 0-based parameter position), so in-place kernels are
compared too; the record names these files ("files") and the directory
("out_dir"). Files are always C-contiguous: a non-contiguous input (a step-2
view, a transpose) cannot cross to the compiled side as a .npy file, so it
is not generated.
"""
import contextlib
import importlib.util
import io
import json
import math
import os
import signal
import sys

import numpy as np


class CallTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CallTimeout()


def numba_shim():
    """Makes `import numba` give the reference run plain Python: a module
    whose prange is range and whose njit/jit/vectorize are identity
    decorators, with or without options (@njit, @njit(parallel=True)).
    That is exactly what numba's decorators mean to CPython, and CPython
    is the reference, so the shim replaces numba even when a real numba
    is importable: compiled by numba, a kernel would be judged by numba's
    semantics (its own error wording, unchecked indexing), not Python's."""
    import types

    def decorator(*args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]
        return lambda f: f

    mod = types.ModuleType("numba")
    mod.prange = range
    mod.njit = decorator
    mod.jit = decorator
    mod.vectorize = decorator
    mod.__pyc2go_shim__ = True
    sys.modules["numba"] = mod


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


INT_EDGES = [0, 1, -1, 2, -2, 3, 7, -7, 10, -13, 100, -1000, 12345, 10**6, -10**6]
FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.0, 0.1, 1e-300, -1e-300,
               1e300, -1e300, 5e-324, math.inf, -math.inf, math.nan, math.pi, 1e16, 123456.789]
SMALL_INT_KINDS = {"int8": (-128, 127), "int16": (-32768, 32767), "int32": (-2**31, 2**31 - 1),
                   "uint8": (0, 255), "uint16": (0, 65535), "uint32": (0, 2**32 - 1),
                   "uint64": (0, 2**64 - 1), "int64": (-2**63, 2**63 - 1)}


def split_types(s):
    """The element types of a "tuple[...]" spelling's inside."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(s[start:i].strip())
            start = i + 1
    parts.append(s[start:].strip())
    return parts


def gen_value(typ, rng, edge):
    """One argument of type typ: an edge value half the time, else random."""
    if typ.startswith("tuple[") and typ.endswith("]"):
        return tuple(gen_value(t, rng, edge and rng.random() < 0.5) for t in split_types(typ[6:-1]))
    if typ.startswith("list[") and typ.endswith("]"):
        # Mostly short lists, sometimes empty ones (the error paths).
        n = 0 if edge and rng.random() < 0.3 else int(rng.integers(1, 12))
        return [gen_value(typ[5:-1], rng, edge and rng.random() < 0.3) for _ in range(n)]
    if typ == "bool":
        return bool(rng.integers(0, 2))
    if typ == "int":
        if edge:
            return INT_EDGES[rng.integers(len(INT_EDGES))]
        return int(rng.integers(-1000, 1001))
    if typ == "float":
        if edge:
            return FLOAT_EDGES[rng.integers(len(FLOAT_EDGES))]
        return float(rng.uniform(-100, 100))
    if typ == "complex":
        if edge:
            re = FLOAT_EDGES[rng.integers(len(FLOAT_EDGES))]
            im = FLOAT_EDGES[rng.integers(len(FLOAT_EDGES))]
            return complex(re, im)
        return complex(rng.uniform(-2, 2), rng.uniform(-2, 2))
    if typ in ("float32", "float64"):
        dt = np.dtype(typ)
        if edge:
            return dt.type(FLOAT_EDGES[rng.integers(len(FLOAT_EDGES))])
        return dt.type(rng.uniform(-100, 100))
    if typ in ("complex64", "complex128"):
        return np.dtype(typ).type(complex(rng.uniform(-2, 2), rng.uniform(-2, 2)))
    if typ in SMALL_INT_KINDS:
        lo, hi = SMALL_INT_KINDS[typ]
        if edge:
            v = INT_EDGES[rng.integers(len(INT_EDGES))]
            if lo <= v <= hi:
                return np.dtype(typ).type(v)
        return np.dtype(typ).type(int(rng.integers(max(lo, -1000), min(hi, 1000) + 1)))
    raise SystemExit("ref.py: cannot generate a value of type %r" % typ)


# Shape sizes of generated arrays: the empty and one-element edges, small
# sizes, and sizes past the unrolling and blocking thresholds of compiled
# loops.
DIMS = [0, 1, 2, 3, 5, 8, 17, 100]
MAX_ELEMS = 4096  # per array: keeps pure-Python loop kernels fast
ARRAY_FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 1e-300, 5e-324, 1e300, -1e300,
                     math.inf, -math.inf, math.nan]


def pick_dims(rng, k, rank):
    """The shape sizes (n, m, ...) shared by all array arguments of case k.

    Sharing them means a rank-1 array gets (n,), a rank-2 one (n, m): most
    kernels' shape requirements (same length, matching inner dimensions)
    hold. The first cases use typical sizes; a square shape comes first
    because many matrix kernels need one. Cases 3 and 4 are the edges (an
    empty first axis, then a single row) so that runs with few cases per
    function still meet them."""
    if rank == 0:
        return []
    for _ in range(1000):
        if k == 0:
            dims = [5] * rank
        elif k == 1:
            dims = [[3, 5, 4, 2][i % 4] for i in range(rank)]
        elif k == 2:
            dims = [int(rng.choice([2, 3, 5, 8])) for _ in range(rank)]
        elif k == 3:
            dims = [[0, 4][i % 2] for i in range(rank)]  # empty
        elif k == 4:
            dims = [[1, 3][i % 2] for i in range(rank)]  # one row / element
        else:
            dims = [DIMS[rng.integers(len(DIMS))] for _ in range(rank)]
        if rank >= 2 and rng.random() < 0.3:
            dims[1] = dims[0]
        if int(np.prod(dims)) <= MAX_ELEMS:
            return dims
    return [1] * rank


def gen_array(dtype, shape, rng, edge):
    """A C-contiguous array; edge arrays mix in special values."""
    dt = np.dtype(dtype)
    shape = tuple(shape)
    if dt.kind == "b":
        return rng.random(shape) < 0.5
    if dt.kind in "iu":
        info = np.iinfo(dt)
        lo, hi = max(info.min, -100), min(info.max, 100)
        a = rng.integers(lo, hi + 1, size=shape, dtype=np.int64).astype(dt)
        if edge:
            mask = rng.random(shape) < 0.1
            edges = np.array([info.min, info.max, 0, 1], dtype=dt)
            a[mask] = edges[rng.integers(len(edges), size=int(mask.sum()))]
        return a
    if dt.kind == "f":
        scale = [1.0, 10.0, 1000.0][rng.integers(3)]
        a = rng.standard_normal(shape) * scale
        if edge:
            mask = rng.random(shape) < 0.15
            edges = np.array(ARRAY_FLOAT_EDGES)
            a[mask] = edges[rng.integers(len(edges), size=int(mask.sum()))]
        with np.errstate(over="ignore", under="ignore"):
            return a.astype(dt)
    if dt.kind == "c":
        re = rng.standard_normal(shape)
        im = rng.standard_normal(shape)
        if edge:
            mask = rng.random(shape) < 0.15
            edges = np.array(ARRAY_FLOAT_EDGES)
            re[mask] = edges[rng.integers(len(edges), size=int(mask.sum()))]
        with np.errstate(over="ignore", under="ignore"):
            return (re + 1j * im).astype(dt)
    raise SystemExit("ref.py: cannot generate an array of dtype %r" % dtype)


# Creation functions and methods whose integer arguments are sizes.
SIZE_CALLS = {"range", "prange", "zeros", "ones", "empty", "full", "arange", "linspace",
              "eye", "identity", "reshape", "tri", "logspace", "resize"}
INT_KINDS = {"int"} | set(SMALL_INT_KINDS)


def param_roles(path):
    """What each integer parameter of each function is used as: "index"
    when it appears in an array subscript (a[i], a[i + 1, j], a[:k]),
    "size" when it appears in the arguments of range or of a creation
    function (np.zeros(n), range(1, n - 1), x.reshape(n, m)). A parameter
    used as both is an index: values valid as indices are valid sizes of
    the loops that go with them. Generated values of such parameters are
    mostly valid ones (gen_args), so that most cases reach the kernel's
    work rather than its error paths."""
    import ast
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    roles = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        params = {a.arg for a in fn.args.args + fn.args.kwonlyargs}
        mine = roles.setdefault(fn.name, {})

        def mark(node, role):
            for n in ast.walk(node):
                if isinstance(n, ast.Name) and n.id in params and mine.get(n.id) != "index":
                    mine[n.id] = role

        for node in ast.walk(fn):
            if isinstance(node, ast.Subscript):
                mark(node.slice, "index")
            elif isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
                if name in SIZE_CALLS:
                    for a in node.args:
                        mark(a, "size")
                    for kw in node.keywords:
                        if kw.arg in ("shape", "num", "N", "M", "stop", "start", "newshape"):
                            mark(kw.value, "size")
    return roles


def gen_role_value(typ, role, rng, dims):
    """A valid value for an integer parameter used as a size or an index:
    sizes in [0, 24] (loop kernels in CPython stay fast), indices in
    [-d, d) for the case's largest array extent d, negative ones included
    because Python wraps them."""
    if role == "index" and dims:
        d = max(max(dims), 1)
        v = int(rng.integers(-d, d))
    else:
        v = int(rng.integers(0, 25))
    if typ in SMALL_INT_KINDS:
        lo, hi = SMALL_INT_KINDS[typ]
        return np.dtype(typ).type(min(max(v, lo), hi))
    return v


def gen_args(params, rng, k, roles=None):
    """The arguments of generated case k. The edge choice is per argument
    and, without arrays, draws from rng exactly as before arrays existed,
    so scalar kernels keep their inputs. An integer parameter with a role
    (param_roles) gets a valid value except in one case in six, which
    keeps the edges (negative sizes, huge indices) in the mix."""
    rank = max([p.get("rank", 0) for p in params] + [0])
    dims = pick_dims(rng, k, rank)
    args = []
    for p in params:
        edge = k >= 3 and rng.random() < 0.5
        if p.get("optional") and k % 3 == 1:
            # An optional array parameter (out=None): None in a third
            # of the cases, the array in the others.
            args.append(None)
            continue
        role = (roles or {}).get(p["name"])
        if p.get("rank"):
            args.append(gen_array(p["dtype"], dims[:p["rank"]], rng, edge))
        elif role and p["type"] in INT_KINDS and (k < 3 or rng.random() < 5 / 6):
            args.append(gen_role_value(p["type"], role, rng, dims))
        else:
            args.append(gen_value(p["type"], rng, edge))
    return tuple(args)


def args_key(args):
    """A value identifying an argument tuple, so that a CASES factory that
    ignores its rng is not run n times on the same inputs."""
    key = []
    for a in args:
        if isinstance(a, np.ndarray):
            key.append((a.dtype.str, a.shape, c_order(a).tobytes()))
        else:
            key.append((type(a).__name__, repr(a)))
    return tuple(key)


def literal(v):
    """The argument as a Python literal the compiled side parses exactly."""
    if v is None:
        return "None"
    if isinstance(v, tuple):
        parts = [literal(e) for e in v]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if isinstance(v, list):
        return "[" + ", ".join(literal(e) for e in v) + "]"
    if isinstance(v, (bool, np.bool_)):
        return repr(bool(v))
    if isinstance(v, (int, np.integer)):
        return repr(int(v))
    if isinstance(v, (float, np.floating)):
        # float(v) is exact for float32 too; its repr round-trips.
        return float_literal(float(v))
    if isinstance(v, (complex, np.complexfloating)):
        c = complex(v)
        return "complex(%s, %s)" % (float_literal(c.real), float_literal(c.imag))
    raise SystemExit("ref.py: unsupported argument %r of type %s" % (v, type(v).__name__))


def float_literal(f):
    if math.isnan(f):
        return "float('nan')"
    if math.isinf(f):
        return "float('inf')" if f > 0 else "float('-inf')"
    return repr(f)


def c_order(x):
    """x as a C-contiguous array (0-d kept: np.ascontiguousarray would make
    it 1-d)."""
    return np.array(x, order="C", copy=True)


def describe(a):
    """A short text for reports: small arrays in full, else dtype and shape."""
    if a.size <= 8:
        return repr(a)
    return "<%s array %s>" % (a.dtype, a.shape)


def has_array(v):
    return isinstance(v, np.ndarray) or (
        isinstance(v, tuple) and any(isinstance(e, np.ndarray) for e in v))


def save_outputs(out_dir, res, args):
    """The result (when it holds an ndarray) and the array arguments after
    the call, named as the harness names them (runtime/harness writeOut)."""
    files = []
    if has_array(res) or any(isinstance(a, np.ndarray) for a in args):
        os.makedirs(out_dir, exist_ok=True)
    if has_array(res):
        if isinstance(res, tuple):
            for i, e in enumerate(res):
                files.append("result_%d.npy" % i)
                np.save(os.path.join(out_dir, files[-1]), c_order(e))
        else:
            files.append("result.npy")
            np.save(os.path.join(out_dir, files[-1]), c_order(res))
    for i, a in enumerate(args):
        if isinstance(a, np.ndarray):
            files.append("arg_%d.npy" % i)
            np.save(os.path.join(out_dir, files[-1]), c_order(a))
    return files


def with_stdout(rec, printed):
    if printed.getvalue():
        rec["stdout"] = printed.getvalue()
    return rec


def call(fn, args, kwnames, timeout, out_dir):
    # The kernel gets copies: the saved inputs stay what the compiled side
    # reads, and the copies show what an in-place kernel did.
    args = tuple(a.copy() if isinstance(a, (np.ndarray, list)) else a for a in args)
    # Arguments come in parameter order; keyword-only parameters (after a
    # bare * in the def) are passed by name.
    npos = len(args) - len(kwnames)
    kwargs = dict(zip(kwnames, args[npos:]))
    # What the kernel prints is part of what it does: captured per call
    # (and reported only when there is some, so non-printing kernels'
    # records stay as they were).
    printed = io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with contextlib.redirect_stdout(printed):
            res = fn(*args[:npos], **kwargs)
    except CallTimeout:
        return {"timeout": True}
    except RecursionError as e:
        return with_stdout({"repr": None, "exc": {"type": "RecursionError", "message": str(e)}}, printed)
    except Exception as e:
        return with_stdout({"repr": None, "exc": {"type": type(e).__name__, "message": str(e)}}, printed)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    # Outside the try: a failure to save is ref.py's, not the kernel's.
    rec = with_stdout({"repr": repr(res), "exc": None}, printed)
    if out_dir is not None:
        rec["files"] = save_outputs(out_dir, res, args)
    return rec


def main():
    req = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, _alarm)
    numba_shim()
    kernel = load(req["kernel"], "pyc2go_kernel")
    timeout = req.get("timeout", 2.0)
    workdir = req.get("workdir")
    plan = []  # (func name, args)
    named = set()
    if req.get("cases"):
        cases = load(req["cases"], "pyc2go_cases").CASES
        # Each entry is drawn case_draws times, each time with an rng of
        # its own (so entries do not shift each other's inputs); draws
        # that repeat an earlier one (a factory that ignores rng) are
        # dropped.
        for e, (name, factory) in enumerate(cases):
            seen = set()
            for r in range(max(1, req.get("case_draws", 1))):
                args = tuple(factory(np.random.default_rng([req["seed"], e, r])))
                key = args_key(args)
                if key not in seen:
                    seen.add(key)
                    plan.append((name, args))
            named.add(name)
    roles = param_roles(req["kernel"])
    for i, f in enumerate(req["functions"]):
        if f["name"] in named:
            continue
        rng = np.random.default_rng([req["seed"], i])
        fn_roles = roles.get(f.get("pyname", f["name"]), {})
        for k in range(req["ncases"]):
            # The first cases are all typical values, the rest mix in edges.
            plan.append((f["name"], gen_args(f["params"], rng, k, fn_roles)))
    # An overload of a function with several #pythran export signatures
    # (name f_2, f_3, ...) calls the Python function it compiles (pyname).
    pynames = {f["name"]: f.get("pyname", f["name"]) for f in req["functions"]}
    kwnames = {}
    for f in req["functions"]:
        k = f.get("kwonly", 0)
        if k:
            kwnames[f["name"]] = [p["name"] for p in f["params"][-k:]]
    out = []
    for k, (name, args) in enumerate(plan):
        fn = getattr(kernel, pynames.get(name, name), None)
        if fn is None:
            raise SystemExit("ref.py: %s has no function %r" % (req["kernel"], name))
        arrays = any(isinstance(a, np.ndarray) for a in args)
        case_dir = os.path.join(workdir, "case_%d" % k) if workdir else None
        rec = {"func": name, "args": []}
        for n, a in enumerate(args):
            if isinstance(a, np.ndarray):
                if case_dir is None:
                    raise SystemExit("ref.py: array arguments need a workdir")
                os.makedirs(os.path.join(case_dir, "in"), exist_ok=True)
                path = os.path.join(case_dir, "in", "arg_%d.npy" % n)
                np.save(path, c_order(a))
                rec["args"].append({"npy": path, "desc": describe(a)})
            else:
                rec["args"].append(literal(a))
        # Results are saved for every case with a workdir: a scalar-only
        # function may still return an array (np.zeros(n)).
        out_dir = os.path.join(case_dir, "py") if case_dir else None
        rec.update(call(fn, args, kwnames.get(name, []), timeout, out_dir))
        if rec.get("files") or arrays:
            rec["out_dir"] = out_dir
        out.append(rec)
    json.dump({"python": sys.version.split()[0], "numpy": np.__version__, "cases": out}, sys.stdout)


if __name__ == "__main__":
    main()
