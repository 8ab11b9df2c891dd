"""bench/peers: times every kernel of bench/peers/kernels on CPython + numpy,
numexpr, Numba, Pythran and pyc2go's Go and C backends, in one run with one
process per engine, checks every engine's outputs against CPython's before
timing it, and writes a table, bench/peers/results.json and a chart.

Run it through bench/peers/run (see bench/peers/README.md):

    bench/peers/run                 # full sizes: results.json and docs/peers.svg
    bench/peers/run --smoke         # tiny sizes, two timed calls (CI)
    bench/peers/run --kernels gemm,syrk --engines numpy,go,c

The same file is each Python engine's process (--engine NAME, internal).
"""
import argparse
import ast
import datetime
import glob
import hashlib
import importlib
import importlib.util
import inspect
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KERNELS = os.path.join(HERE, "kernels")
SEED = 20261207

ENGINES = ["numpy", "numexpr", "numba", "pythran", "go", "c", "jit"]
TITLES = {"numpy": "CPython+numpy", "numexpr": "numexpr", "numba": "Numba", "pythran": "Pythran",
          "go": "pyc2go Go", "c": "pyc2go C", "jit": "@pyc2go.jit"}

# How often each engine calls a kernel: see harness.Policy, which the Go
# engine runs; run_policy below is the same rule for the Python engines.
POLICIES = {
    "full": {"warm_seconds": 0.5, "warm_max": 20, "min_calls": 3, "max_calls": 100, "seconds": 1.0},
    "smoke": {"warm_seconds": 0.0, "warm_max": 1, "min_calls": 2, "max_calls": 2, "seconds": 0.0},
}
# Just the checking call.
CHECK_POLICY = {"warm_seconds": 0.0, "warm_max": 1, "min_calls": 0, "max_calls": 0, "seconds": 0.0}

# Relative tolerance of the output check, norm-wise (max |a-b| over max
# |reference|): engines sum in other orders (Numba and Pythran
# sequentially where numpy sums pairwise; BLAS) and use other
# transcendental functions. float64 uses verify's Tolerance; float32 sums
# of millions of terms in another order move by far more than verify's
# per-element Tolerance32.
TOLERANCE = {"f8": 1e-9, "c16": 1e-9, "f4": 1e-3, "c8": 1e-3}

THREAD_VARS = ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
               "NUMEXPR_MAX_THREADS", "NUMBA_NUM_THREADS", "PYC2GO_WORKERS"]


class Skip(Exception):
    """The engine does not run this kernel (no numexpr form, say)."""


# ---------------------------------------------------------------- kernels


def numba_stub():
    """A numba module whose decorators do nothing, so @njit kernels run in
    CPython (verify's reference runner does the same)."""
    stub = types.ModuleType("numba")

    def njit(*a, **k):
        if len(a) == 1 and callable(a[0]) and not k:
            return a[0]
        return lambda f: f

    stub.njit = stub.jit = njit
    stub.prange = range
    return stub


def load_file(path, name, stub_numba=False):
    saved = sys.modules.get("numba")
    if stub_numba:
        sys.modules["numba"] = numba_stub()
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        if stub_numba:
            if saved is None:
                sys.modules.pop("numba", None)
            else:
                sys.modules["numba"] = saved


def kernel_names(only=None):
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(KERNELS, "*.py"))
                   if not p.endswith("_cases.py"))
    if only:
        unknown = [k for k in only if k not in names]
        if unknown:
            sys.exit("unknown kernels: " + ", ".join(unknown))
        names = [k for k in names if k in only]
    return names


def kernel_path(name):
    return os.path.join(KERNELS, name + ".py")


def cases(name):
    return load_file(os.path.join(KERNELS, name + "_cases.py"), name + "_cases")


def describe(x):
    if isinstance(x, np.ndarray):
        return "%s[%s]" % (x.dtype, "x".join(map(str, x.shape)))
    return repr(x)


# ---------------------------------------------------------------- arguments


def write_args(work, names, size):
    """Generates every kernel's arguments once (seeded) and saves them:
    every engine loads the same inputs."""
    meta = {}
    for name in names:
        c = cases(name)
        args = c.args(np.random.default_rng(SEED), size)
        d = os.path.join(work, "args", name)
        os.makedirs(d, exist_ok=True)
        spec = []
        for i, a in enumerate(args):
            if isinstance(a, np.ndarray):
                p = os.path.join(d, "arg_%d.npy" % i)
                np.save(p, np.ascontiguousarray(a))
                spec.append({"npy": p})
            elif isinstance(a, (bool, int, float, complex)):
                spec.append({"literal": repr(a)})
            else:
                sys.exit("%s: argument %d is a %s; use arrays or Python scalars" % (name, i, type(a).__name__))
        meta[name] = {"args": spec, "inputs": ", ".join(describe(a) for a in args),
                      "tolerance": dict(TOLERANCE, **getattr(c, "TOLERANCE", {})),
                      "style": getattr(c, "STYLE", "array"),
                      "doc": " ".join((load_doc(name) or "").split())}
    with open(os.path.join(work, "args.json"), "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def load_doc(name):
    with open(kernel_path(name)) as f:
        return ast.get_docstring(ast.parse(f.read()))


def load_args(spec):
    return [np.load(a["npy"]) if "npy" in a else ast.literal_eval(a["literal"]) for a in spec]


# ---------------------------------------------------------------- outputs


def outputs(res, args):
    """The outputs of a call as harness writeOut names them: result (or
    result_N for a tuple) and arg_N for every array argument after the
    call."""
    out = {}
    if isinstance(res, tuple):
        for i, r in enumerate(res):
            out["result_%d" % i] = np.asarray(r)
    elif res is not None:
        out["result"] = np.asarray(res)
    for i, a in enumerate(args):
        if isinstance(a, np.ndarray):
            out["arg_%d" % i] = a
    return out


def save_outputs(d, outs):
    os.makedirs(d, exist_ok=True)
    for k, v in outs.items():
        np.save(os.path.join(d, k + ".npy"), v)


def load_outputs(d):
    return {os.path.basename(p)[:-4]: np.load(p) for p in glob.glob(os.path.join(d, "*.npy"))}


def compare(got, want, tolerance):
    """Checks got against the reference outputs: returns (ok, text), text
    being "exact", "max rel err 3e-16" or what differs. tolerance maps a
    dtype ("f8", "f4", "c16", "c8") to the largest relative error allowed."""
    if sorted(got) != sorted(want):
        return False, "outputs %s, CPython %s" % (sorted(got), sorted(want))
    worst = 0.0
    for k in sorted(want):
        g, w = np.asarray(got[k]), np.asarray(want[k])
        if g.shape != w.shape:
            return False, "%s: shape %s, CPython %s" % (k, g.shape, w.shape)
        if g.dtype != w.dtype:
            return False, "%s: dtype %s, CPython %s" % (k, g.dtype, w.dtype)
        if g.tobytes() == w.tobytes():
            continue
        if w.dtype.kind not in "fc":
            bad = np.argwhere(g != w)
            return False, "%s: %d elements differ, first at %s" % (k, len(bad), tuple(bad[0]))
        gn, wn = np.isnan(g), np.isnan(w)
        if not np.array_equal(gn, wn):
            return False, "%s: NaN in different places" % k
        scale = float(np.max(np.abs(w[~wn]))) if (~wn).any() else 0.0
        diff = float(np.max(np.abs(g[~wn] - w[~wn]))) if (~wn).any() else 0.0
        if not math.isfinite(diff):
            inf_ok = np.array_equal(g[np.isinf(w)], w[np.isinf(w)]) and np.isfinite(g[np.isfinite(w)]).all()
            if not inf_ok:
                return False, "%s: infinities differ" % k
            fin = np.isfinite(w)
            diff = float(np.max(np.abs(g[fin] - w[fin]))) if fin.any() else 0.0
            scale = float(np.max(np.abs(w[fin]))) if fin.any() else 0.0
        rel = diff / scale if scale > 0 else diff
        tol = tolerance["%s%d" % (w.dtype.kind, w.dtype.itemsize)]
        if rel > tol:
            return False, "%s: max rel err %.3g > %g" % (k, rel, tol)
        worst = max(worst, rel)
    return True, "exact" if worst == 0 else "max rel err %.2g" % worst


# ---------------------------------------------------------------- timing


def run_policy(call, p):
    """harness.Policy.Calls for Python engines: the first call, warm-up
    calls while the warm-up took less than warm_seconds (up to warm_max
    calls, the first included), then timed calls: at least min_calls, more
    while they took less than seconds, up to max_calls."""
    t = time.perf_counter()
    call()
    first = time.perf_counter() - t
    warm, spent = 1, first
    while warm < p["warm_max"] and spent < p["warm_seconds"]:
        t = time.perf_counter()
        call()
        spent += time.perf_counter() - t
        warm += 1
    secs, spent = [], 0.0
    while len(secs) < p["min_calls"] or (len(secs) < p["max_calls"] and spent < p["seconds"]):
        t = time.perf_counter()
        call()
        d = time.perf_counter() - t
        secs.append(d)
        spent += d
    return first, warm, secs


def summarise(first, warm, secs):
    return {"first": first, "warm": warm, "calls": len(secs),
            "min": min(secs) if secs else None, "median": statistics.median(secs) if secs else None,
            "max": max(secs) if secs else None}


# ---------------------------------------------------------------- engines (in the engine's process)


def prep_numpy(name, meta, ctx):
    mod = load_file(kernel_path(name), name, stub_numba=True)
    return getattr(mod, name)


def prep_numexpr(name, meta, ctx):
    import numexpr as ne
    c = cases(name)
    expr = getattr(c, "NUMEXPR", None)
    if expr is None:
        raise Skip("not one expression")
    extra = getattr(c, "NUMEXPR_VARS", {})
    params = list(inspect.signature(getattr(load_file(kernel_path(name), name, stub_numba=True), name)).parameters)

    def call(*args):
        local = dict(zip(params, args))
        for k, v in extra.items():
            local[k] = eval(v, {"np": np}, dict(zip(params, args)))
        r = ne.evaluate(expr, local_dict=local)
        return r[()] if r.ndim == 0 else r  # a reduction gives a 0-d array

    return call


def prep_numba(name, meta, ctx):
    import numba
    mod = load_file(kernel_path(name), name)
    # Every function of the module, so kernels can call their helpers.
    for k, v in list(vars(mod).items()):
        if isinstance(v, types.FunctionType) and v.__module__ == mod.__name__:
            setattr(mod, k, numba.njit(v))
    fn = getattr(mod, name)
    return fn


def pythran_type(a):
    if isinstance(a, np.ndarray):
        return "%s[%s]" % (a.dtype.name, ",".join(":" * a.ndim))
    return {bool: "bool", int: "int", float: "float", complex: "complex"}[type(a)]


def pythran_source(name, args):
    """The kernel as a Pythran user ports it: no numba import or decorators,
    no annotations, and an export line for the arguments at hand."""
    with open(kernel_path(name)) as f:
        tree = ast.parse(f.read())
    body = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            if any(m.split(".")[0] == "numba" or m == "numpy.typing" for m in mods):
                continue
        if isinstance(node, ast.FunctionDef):
            node.decorator_list = []
            node.returns = None
            for a in node.args.args:
                a.annotation = None
        body.append(node)
    tree.body = body
    export = "#pythran export %s(%s)\n" % (name, ", ".join(pythran_type(a) for a in args))
    return export + ast.unparse(tree) + "\n"


def cache_root():
    base = os.environ.get("PYC2GO_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pyc2go")
    return base


def prep_pythran(name, meta, ctx):
    import pythran
    args = load_args(meta["args"])
    src = pythran_source(name, args)
    modname = name + "_pythran"
    key = hashlib.sha256(("%s\0%s\0%s\0" % (pythran.__version__, sys.version, src)).encode()).hexdigest()[:24]
    d = os.path.join(cache_root(), "peers-pythran", key)
    so = os.path.join(d, modname + ".so")
    failed = d + ".failed"  # a build that failed fails again: say so at once
    if os.path.exists(failed):
        with open(failed) as f:
            raise RuntimeError(f.read())
    if not os.path.exists(so):
        tmp = tempfile.mkdtemp(prefix="pythran-")
        try:
            with open(os.path.join(tmp, modname + ".py"), "w") as f:
                f.write(src)
            r = subprocess.run([sys.executable, "-W", "ignore", "-m", "pythran.run", "-O3", modname + ".py",
                                "-o", modname + ".so"], cwd=tmp, capture_output=True, text=True)
            if r.returncode != 0 or not os.path.exists(os.path.join(tmp, modname + ".so")):
                lines = [l for l in (r.stderr + r.stdout).splitlines() if l.strip() and "Warning" not in l]
                err = next((l for l in lines if "Error" in l or "error" in l), lines[-1] if lines else "failed")
                os.makedirs(os.path.dirname(d), exist_ok=True)
                with open(failed, "w") as f:
                    f.write("pythran build failed: " + err.strip())
                raise RuntimeError("pythran build failed: " + err.strip())
            os.makedirs(os.path.dirname(d), exist_ok=True)
            shutil.move(tmp, d)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    spec = importlib.util.spec_from_file_location(modname, so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return getattr(mod, name)


def prep_c(name, meta, ctx):
    native = ctx["status"]["kernels"][name]
    if not native.get("accepted"):
        raise Skip("refused by pyc2go")
    if native.get("native_error"):
        raise RuntimeError("native build failed: " + native["native_error"].splitlines()[0])
    d = ctx["status"]["c_dir"]
    if d not in sys.path:
        sys.path.insert(0, d)
    return getattr(importlib.import_module(native["native"]), name)


def prep_jit(name, meta, ctx):
    """The kernel as a Numba user ports it to pyc2go: @pyc2go.jit on the
    function (the Python package of python/, with the pyc2go binary this
    run built), compiled on the first call, which the check times."""
    pkg = os.path.join(ROOT, "python")
    if pkg not in sys.path:
        sys.path.insert(0, pkg)
    import pyc2go
    mod = load_file(kernel_path(name), name, stub_numba=True)
    return pyc2go.jit(getattr(mod, name))


PREP = {"numpy": prep_numpy, "numexpr": prep_numexpr, "numba": prep_numba, "pythran": prep_pythran, "c": prep_c,
        "jit": prep_jit}


def first_line(e):
    text = "%s: %s" % (type(e).__name__, e)
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return " ".join(lines[:2])[:300]


def engine_main(engine, work, names, policy):
    """One Python engine's process: check, then time, every kernel."""
    with open(os.path.join(work, "args.json")) as f:
        meta = json.load(f)
    ctx = {}
    if engine == "c":
        with open(os.path.join(work, "build", "status.json")) as f:
            ctx["status"] = json.load(f)
    results = {}
    for name in names:
        r = results[name] = {}
        try:
            fn = PREP[engine](name, meta[name], ctx)
        except Skip as e:
            r.update(status="skipped", note=str(e))
            continue
        except Exception as e:
            r.update(status="error", note=first_line(e))
            continue
        args = load_args(meta[name]["args"])
        try:
            t = time.perf_counter()
            res = fn(*args)
            r["check_seconds"] = time.perf_counter() - t
            outs = outputs(res, args)
            if engine == "numpy":
                save_outputs(os.path.join(work, "ref", name), outs)
                r["check"] = "reference"
            else:
                ok, text = compare(outs, load_outputs(os.path.join(work, "ref", name)), meta[name]["tolerance"])
                r["check"] = text
                if not ok:
                    r["status"] = "mismatch"
                    continue
            args = load_args(meta[name]["args"])
            r.update(summarise(*run_policy(lambda: fn(*args), policy)), status="ok")
        except Exception as e:
            r.update(status="error", note=first_line(e))
    return results


def go_engine(work, names, policy, status):
    """The Go engine: the one program driver.BuildBench built, serving every
    accepted kernel through harness.BenchMain; for each kernel a checking
    call, then a timed request on freshly loaded arguments."""
    with open(os.path.join(work, "args.json")) as f:
        meta = json.load(f)
    proc = subprocess.Popen([status["go_binary"]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=engine_env())
    results = {}

    def ask(req):
        proc.stdin.write(json.dumps(req) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the Go program exited")
        return json.loads(line)

    try:
        for name in names:
            r = results[name] = {}
            if not status["kernels"][name]["accepted"]:
                r.update(status="skipped", note="refused by pyc2go")
                continue
            args = [{"npy": a["npy"]} if "npy" in a else a["literal"] for a in meta[name]["args"]]
            out = os.path.join(work, "out", "go", name)
            req = {"file": name + ".py", "func": name, "args": args}
            resp = ask(dict(req, out_dir=out, policy=CHECK_POLICY))
            if resp["exc"]:
                r.update(status="error", note="%s: %s" % (resp["exc"]["type"], resp["exc"]["message"]))
                continue
            r["check_seconds"] = resp["first"]
            ok, r["check"] = compare(load_outputs(out), load_outputs(os.path.join(work, "ref", name)),
                                     meta[name]["tolerance"])
            if not ok:
                r["status"] = "mismatch"
                continue
            resp = ask(dict(req, out_dir="", policy=policy))
            if resp["exc"]:
                r.update(status="error", note="%s: %s" % (resp["exc"]["type"], resp["exc"]["message"]))
                continue
            r.update(summarise(resp["first"], resp["warm"], resp["seconds"]), status="ok")
    finally:
        proc.stdin.close()
        proc.wait()
    return results


# ---------------------------------------------------------------- the run


def engine_env():
    env = dict(os.environ)
    for v in THREAD_VARS:
        env[v] = str(ARGS.threads)
    env["PYTHONWARNINGS"] = "ignore"
    return env


def available(engine):
    """None if the engine can run here, else why not."""
    mods = {"numexpr": "numexpr", "numba": "numba", "pythran": "pythran"}
    if engine in mods:
        if importlib.util.find_spec(mods[engine]) is None:
            return "python3-%s is not installed" % mods[engine]
        if engine == "pythran" and not shutil.which(os.environ.get("CXX", "g++")):
            return "no C++ compiler for Pythran"
    if engine in ("go", "c", "jit") and not shutil.which("go"):
        return "no Go toolchain to build pyc2go"
    if engine in ("c", "jit") and not shutil.which(os.environ.get("CC", "gcc")):
        return "no C compiler for pyc2go's C backend"
    return None


def loadavg():
    try:
        return [float(x) for x in open("/proc/loadavg").read().split()[:3]]
    except OSError:
        return None


def cmd_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return None


def machine():
    info = {"nproc": os.cpu_count(), "platform": platform.platform()}
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                info["mem_gb"] = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return info


def versions():
    v = {"python": platform.python_version(), "numpy": np.__version__}
    for m in ("numexpr", "numba", "llvmlite", "pythran", "matplotlib"):
        try:
            v[m] = importlib.import_module(m).__version__
        except Exception:
            v[m] = None
    v["gcc"] = cmd_version([os.environ.get("CC", "gcc"), "--version"])
    v["go"] = cmd_version(["go", "version"])
    commit = cmd_version(["git", "rev-parse", "--short=12", "HEAD"])
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True, cwd=ROOT).stdout.strip() if commit else ""
    v["pyc2go"] = (commit or "unknown") + ("+dirty" if dirty else "")
    return v


def fmt_time(s):
    if s is None:
        return "-"
    for unit, f in (("s", 1), ("ms", 1e3), ("us", 1e6)):
        if s * f >= 1:
            return "%.3g %s" % (s * f, unit)
    return "%.3g ns" % (s * 1e9)


def ratio_of(kr, engine):
    """numpy's time over the engine's (above 1: faster than numpy), from the
    minimum of the timed calls (the least disturbed by other load)."""
    base, e = kr["engines"].get("numpy", {}), kr["engines"].get(engine, {})
    if base.get("status") != "ok" or e.get("status") != "ok" or not e.get("min"):
        return None
    return base["min"] / e["min"]


def cell(kr, engine):
    e = kr["engines"].get(engine)
    if e is None:
        return ""
    st = e.get("status")
    if st == "ok":
        r = ratio_of(kr, engine)
        t = fmt_time(e["min"]) + " / " + fmt_time(e["median"])
        return t if engine == "numpy" else "%s (%.2fx)" % (t, r)
    if st == "refused":
        return "refused"
    if st == "skipped":
        return "-" if e.get("note") == "not one expression" else e.get("note", "-")
    if st == "mismatch":
        return "MISMATCH"
    return "error"


def summary(results, engines):
    out = {}
    for eng in engines:
        rs = [ratio_of(kr, eng) for kr in results.values()]
        rs = [r for r in rs if r]
        by_style = {}
        for style in ("array", "loop"):
            s = [ratio_of(kr, eng) for kr in results.values() if kr["style"] == style]
            s = [r for r in s if r]
            by_style[style] = {"n": len(s), "geomean": geomean(s), "median": statistics.median(s) if s else None}
        out[eng] = {"n": len(rs), "geomean": geomean(rs), "median": statistics.median(rs) if rs else None,
                    "slower_than_numpy": sum(1 for r in rs if r < 1), "by_style": by_style}
    return out


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def table(doc, engines):
    lines = []
    head = ["kernel", "style"] + [TITLES[e] for e in engines]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for name, kr in doc["kernels"].items():
        lines.append("| " + " | ".join([name, kr["style"]] + [cell(kr, e) for e in engines]) + " |")
    lines.append("")
    lines.append("Times are min / median of the timed calls; (Nx) is numpy's min over the engine's: above 1 is "
                 "faster than CPython + numpy.")
    lines.append("")
    lines.append("| engine | kernels timed | geomean | median | slower than numpy | array geomean | loop geomean |")
    lines.append("|---|---|---|---|---|---|---|")
    for e in engines:
        if e == "numpy":
            continue
        s = doc["summary"][e]
        f = lambda x: "-" if x is None else "%.2fx" % x
        lines.append("| %s | %d | %s | %s | %d | %s | %s |" % (
            TITLES[e], s["n"], f(s["geomean"]), f(s["median"]), s["slower_than_numpy"],
            f(s["by_style"]["array"]["geomean"]), f(s["by_style"]["loop"]["geomean"])))
    firsts = [e for e in ("numba", "jit") if e in engines]
    if "jit" in firsts:
        lines.append("")
        lines.append("First call in a fresh process, compilation included (the checking call), "
                     "for the engines that compile on first call:")
        lines.append("")
        lines.append("| kernel | " + " | ".join(TITLES[e] for e in firsts) + " |")
        lines.append("|---|" + "---|" * len(firsts))
        for name, kr in doc["kernels"].items():
            row = []
            for e in firsts:
                r = kr["engines"].get(e, {})
                row.append(fmt_time(r["check_seconds"]) if r.get("status") == "ok" and "check_seconds" in r else "-")
            lines.append("| %s | %s |" % (name, " | ".join(row)))
    if doc["refused"]:
        lines.append("")
        lines.append("Kernels pyc2go refuses (first diagnostic):")
        lines.append("")
        for name, d in doc["refused"].items():
            lines.append("- %s: `%s`" % (name, d))
    problems = [(n, e, kr["engines"][e]) for n, kr in doc["kernels"].items() for e in engines
                if kr["engines"].get(e, {}).get("status") in ("error", "mismatch")]
    if problems:
        lines.append("")
        lines.append("Engines that failed a kernel (not timed):")
        lines.append("")
        for n, e, r in problems:
            lines.append("- %s on %s: %s" % (n, TITLES[e], r.get("note") or r.get("check")))
    if doc["skipped_engines"]:
        lines.append("")
        for e, why in doc["skipped_engines"].items():
            lines.append("Skipped engine %s: %s" % (TITLES[e], why))
    return "\n".join(lines)


def chart(doc, engines, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    engines = [e for e in engines if e != "numpy"]
    names = list(doc["kernels"])
    height = 0.8 / max(1, len(engines))
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(names) + 1.5))
    colors = {"numexpr": "#9467bd", "numba": "#2ca02c", "pythran": "#ff7f0e", "go": "#1f77b4", "c": "#17becf"}
    for j, e in enumerate(engines):
        ys, xs = [], []
        for i, n in enumerate(names):
            r = ratio_of(doc["kernels"][n], e)
            if r:
                ys.append(len(names) - 1 - i + (len(engines) / 2 - j - 0.5) * height)
                xs.append(r)
        ax.barh(ys, xs, height=height, left=0, color=colors.get(e), label=TITLES[e])
    ax.set_xscale("log")
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(reversed(["%s%s" % (n, " (refused)" if n in doc["refused"] else "") for n in names]),
                       fontsize=7)
    ax.set_xlabel("speed-up over CPython + numpy (min of timed calls; log scale)")
    la = doc["load_average"]
    ax.set_title("bench/peers, %s, %s; load average %s" % (doc["mode"], doc["date"][:10],
                 "/".join("%.1f" % x for x in la["start"]) if la.get("start") else "?"), fontsize=9)
    ax.legend(fontsize=7, loc="lower right")
    ax.grid(axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None})
    plt.close(fig)


def build_pyc2go(work, names, engines):
    """Compiles the kernels with pyc2go (bench/peers/compile) and returns its
    status.json, or None (with the reason) when Go is missing."""
    if not shutil.which("go"):
        return None, "no Go toolchain"
    out = os.path.join(work, "build")
    cmd = ["go", "run", "./bench/peers/compile", "-out", out,
           "-go=%s" % str("go" in engines).lower(), "-c=%s" % str("c" in engines).lower()]
    r = subprocess.run(cmd + [os.path.relpath(kernel_path(n), ROOT) for n in names], cwd=ROOT,
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, "bench/peers/compile failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
    with open(os.path.join(out, "status.json")) as f:
        return json.load(f), None


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true", help="tiny sizes and two timed calls (CI)")
    ap.add_argument("--kernels", help="comma-separated kernel names (default: all)")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, from " + ",".join(ENGINES))
    ap.add_argument("--threads", type=int, default=1, help="threads per engine (BLAS, OpenMP, numexpr, pyc2go "
                    "workers); default 1")
    ap.add_argument("--out", help="results JSON (default bench/peers/results.json; smoke: in the work dir)")
    ap.add_argument("--chart", help="SVG chart (default docs/peers.svg; smoke: in the work dir; 'none' for none)")
    ap.add_argument("--work", help="work directory (default: a temporary one, removed afterwards)")
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    ARGS = ap.parse_args()
    mode = "smoke" if ARGS.smoke else "full"
    names = kernel_names(ARGS.kernels.split(",") if ARGS.kernels else None)
    policy = POLICIES[mode]

    if ARGS.engine:  # one engine's process
        res = engine_main(ARGS.engine, ARGS.work, names, policy)
        with open(os.path.join(ARGS.work, "engine-%s.json" % ARGS.engine), "w") as f:
            json.dump(res, f)
        return

    engines = [e for e in ARGS.engines.split(",") if e]
    if engines[:1] != ["numpy"]:
        engines = ["numpy"] + [e for e in engines if e != "numpy"]  # the reference runs first
    bad = [e for e in engines if e not in ENGINES]
    if bad:
        sys.exit("unknown engines: " + ", ".join(bad))
    work = ARGS.work or tempfile.mkdtemp(prefix="peers-")
    os.makedirs(work, exist_ok=True)
    out = ARGS.out or (os.path.join(work, "results.json") if ARGS.smoke else os.path.join(HERE, "results.json"))
    chart_path = ARGS.chart or (os.path.join(work, "peers.svg") if ARGS.smoke else os.path.join(ROOT, "docs", "peers.svg"))
    try:
        doc = run(work, names, engines, mode, policy)
        with open(out, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(table(doc, engines))
        print("\nwrote " + os.path.relpath(out, os.getcwd()))
        if chart_path != "none":
            if importlib.util.find_spec("matplotlib") is None:
                print("no chart: python3-matplotlib is not installed")
            else:
                chart(doc, engines, chart_path)
                print("wrote " + os.path.relpath(chart_path, os.getcwd()))
    finally:
        if not ARGS.work:
            shutil.rmtree(work, ignore_errors=True)


def run(work, names, engines, mode, policy):
    doc = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "mode": mode,
           "machine": machine(), "versions": versions(), "threads": ARGS.threads, "policy": policy,
           "seed": SEED, "tolerance": TOLERANCE, "load_average": {"start": loadavg()}, "skipped_engines": {},
           "engine_load": {}, "refused": {}, "kernels": {}}
    progress("bench/peers (%s): %d kernels, load average %s" % (mode, len(names), doc["load_average"]["start"]))
    meta = write_args(work, names, mode)
    for n in names:
        doc["kernels"][n] = {"style": meta[n]["style"], "inputs": meta[n]["inputs"], "doc": meta[n]["doc"],
                             "engines": {}}
    for e in list(engines):
        why = available(e)
        if why:
            doc["skipped_engines"][e] = why
    status = None
    if any(e in engines and e not in doc["skipped_engines"] for e in ("go", "c")):
        progress("compiling the kernels with pyc2go")
        status, why = build_pyc2go(work, names, engines)
        if status is None:
            for e in ("go", "c"):
                doc["skipped_engines"].setdefault(e, why)
        else:
            for n, ks in status["kernels"].items():
                if not ks["accepted"]:
                    doc["refused"][n] = ks["diagnostic"]
            if "go" in engines and not status.get("go_binary"):
                doc["skipped_engines"].setdefault("go", "the Go program did not build: " + status.get("go_error", "?"))
    if "jit" in engines and "jit" not in doc["skipped_engines"]:
        # The jit engine's process finds this binary through PYC2GO_BIN
        # (engine_env), and compiles into a cache of this run's own, so
        # that its first calls are cold, compile included.
        binary = os.path.join(work, "pyc2go")
        r = subprocess.run(["go", "build", "-o", binary, "./cmd/pyc2go"], cwd=ROOT, capture_output=True, text=True)
        if r.returncode != 0:
            doc["skipped_engines"]["jit"] = "go build ./cmd/pyc2go failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
        else:
            os.environ["PYC2GO_BIN"] = binary
            os.environ["PYC2GO_CACHE"] = os.path.join(work, "jit-cache")
    for e in engines:
        if e in doc["skipped_engines"]:
            progress("skipping %s: %s" % (e, doc["skipped_engines"][e]))
            continue
        la0 = loadavg()
        progress("engine %s (load average %s)" % (e, la0))
        t0 = time.time()
        if e == "go":
            res = go_engine(work, names, policy, status)
        else:
            r = subprocess.run([sys.executable, os.path.abspath(__file__), "--engine", e, "--work", work,
                                "--kernels", ",".join(names), "--threads", str(ARGS.threads)]
                               + (["--smoke"] if mode == "smoke" else []), env=engine_env())
            path = os.path.join(work, "engine-%s.json" % e)
            if r.returncode != 0 or not os.path.exists(path):
                doc["skipped_engines"][e] = "the engine's process failed (status %d)" % r.returncode
                continue
            with open(path) as f:
                res = json.load(f)
        doc["engine_load"][e] = {"start": la0, "end": loadavg(), "seconds": round(time.time() - t0, 1)}
        for n in names:
            r = res.get(n, {"status": "error", "note": "no result"})
            if n in doc["refused"] and e in ("go", "c", "jit"):
                r = {"status": "refused", "note": doc["refused"][n]}
            doc["kernels"][n]["engines"][e] = r
        if e == "numpy":
            failed = [n for n in names if res.get(n, {}).get("status") != "ok"]
            if failed:
                sys.exit("CPython + numpy failed on " + ", ".join(failed) + ": " +
                         "; ".join("%s" % res.get(n, {}).get("note") for n in failed))
    doc["load_average"]["end"] = loadavg()
    doc["summary"] = summary(doc["kernels"], [e for e in engines if e != "numpy"])
    return doc


if __name__ == "__main__":
    main()
