"""Reference side of `pyc2go verify`: runs kernels in CPython + numpy.

Reads a JSON request on stdin, writes a JSON reply on stdout. The request
names the kernel file, its functions with their parameter types, a seed and
a case count, and optionally a cases file defining
CASES = [(func_name, args_factory), ...] where args_factory(rng) returns the
argument tuple. For every case it records the arguments as Python literals
(what the compiled side parses) and the result's repr, or the exception's
class and message.
"""
import importlib.util
import json
import math
import signal
import sys

import numpy as np


class CallTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CallTimeout()


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


def gen_value(typ, rng, edge):
    """One argument of type typ: an edge value half the time, else random."""
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


def literal(v):
    """The argument as a Python literal the compiled side parses exactly."""
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


def call(fn, args, timeout):
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return {"repr": repr(fn(*args)), "exc": None}
    except CallTimeout:
        return {"timeout": True}
    except RecursionError as e:
        return {"repr": None, "exc": {"type": "RecursionError", "message": str(e)}}
    except Exception as e:
        return {"repr": None, "exc": {"type": type(e).__name__, "message": str(e)}}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    req = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, _alarm)
    kernel = load(req["kernel"], "pyc2go_kernel")
    timeout = req.get("timeout", 2.0)
    plan = []  # (func name, args)
    if req.get("cases"):
        cases = load(req["cases"], "pyc2go_cases").CASES
        rng = np.random.default_rng(req["seed"])
        for name, factory in cases:
            plan.append((name, tuple(factory(rng))))
    else:
        for i, f in enumerate(req["functions"]):
            rng = np.random.default_rng([req["seed"], i])
            for k in range(req["ncases"]):
                # The first cases are all typical values, the rest mix in edges.
                args = tuple(gen_value(p["type"], rng, k >= 3 and rng.random() < 0.5)
                             for p in f["params"])
                plan.append((f["name"], args))
    out = []
    for name, args in plan:
        fn = getattr(kernel, name, None)
        if fn is None:
            raise SystemExit("ref.py: %s has no function %r" % (req["kernel"], name))
        rec = {"func": name, "args": [literal(a) for a in args]}
        rec.update(call(fn, args, timeout))
        out.append(rec)
    json.dump({"python": sys.version.split()[0], "numpy": np.__version__, "cases": out}, sys.stdout)


if __name__ == "__main__":
    main()
