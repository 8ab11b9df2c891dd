"""pyc2go.jit against numba.njit on the kernels of python/bench/kernels.py:
first-call latency and steady-state time.

Usage (from the repository, with pyc2go on PATH or in $PYC2GO_BIN):

    PYTHONPATH=python /usr/bin/python3 python/bench/bench.py [--repeat N] [--json FILE]

First-call latency is measured in fresh interpreters, after the imports,
around the first call (compile and load included):
  - pyc2go cold: the function is not in the disk cache (pyc2go's C runtime
    is: it is compiled once per compiler and flags, and its time is
    printed apart);
  - pyc2go warm: a second process, which loads the cached module;
  - numba cold / warm: numba.njit(cache=True), first with an empty
    NUMBA_CACHE_DIR, then again.
Each is the median of --repeat runs (default 3). Steady-state times are
per call in one process after a warm-up call: the minimum and the median
of at least 20 calls (more for fast kernels, about 2 s per kernel and
compiler). The load average is printed before and after: the numbers
mean little on a busy machine.
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import kernels  # noqa: E402 (after the path)


def make_args(name):
    """The arguments of kernel name: the same values in every process."""
    rng = np.random.default_rng(11)
    if name == "total":
        return (rng.standard_normal(1_000_000),)
    if name == "triad":
        n = 1_000_000
        # np.full, not np.zeros: written once, so the first call does not
        # pay the page faults of a fresh 8 MB calloc (100+ ms on a loaded
        # machine) that no compiler can avoid.
        return (np.full(n, 0.0), rng.standard_normal(n), rng.standard_normal(n), 3.0)
    if name == "matmul":
        return (rng.standard_normal((200, 200)), rng.standard_normal((200, 200)))
    if name == "heat":
        return (rng.standard_normal((500, 500)), 0.1)
    if name == "logsumexp":
        return (rng.standard_normal(1_000_000),)
    if name == "collatz":
        return (27,)
    raise KeyError(name)


SIZES = {"total": "1e6", "triad": "1e6", "matmul": "200x200", "heat": "500x500", "logsumexp": "1e6", "collatz": "n=27"}
NAMES = list(SIZES)

CHILD = """import json, sys, time
sys.path.insert(0, {here!r})
import bench, kernels
args = bench.make_args({name!r})
if {variant!r} == "pyc2go":
    import pyc2go
    f = pyc2go.jit(getattr(kernels, {name!r}))
else:
    import numba
    f = numba.njit(cache=True)(getattr(kernels, {name!r}))
t = time.perf_counter()
f(*args)
print(json.dumps(time.perf_counter() - t))
"""


def first_call(variant, name, env):
    code = CHILD.format(here=HERE, name=name, variant=variant)
    r = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, **env), capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("%s %s: %s" % (variant, name, r.stderr))
    return json.loads(r.stdout)


def steady(f, args, budget=2.0):
    """(min, median) seconds per call of f(*args) after a warm-up call."""
    f(*args)
    times = []
    start = time.perf_counter()
    while len(times) < 20 or (time.perf_counter() - start < budget and len(times) < 10000):
        t = time.perf_counter()
        f(*args)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def outputs(f, args):
    """f's result on copies of args, or for an in-place kernel (None) the
    arrays it wrote."""
    args = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    r = f(*args)
    return r if r is not None else [a for a in args if isinstance(a, np.ndarray)]


def agree(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if np.array_equal(a, b):
        return "bit-exact"
    if np.allclose(a, b, rtol=1e-12, atol=0):
        return "within 1e-12"
    return "DIFFERENT"


def fmt(s):
    if s >= 1:
        return "%.2f s" % s
    if s >= 1e-3:
        return "%.1f ms" % (s * 1e3)
    return "%.1f µs" % (s * 1e6)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per first-call measurement (median)")
    ap.add_argument("--json", help="also write the numbers to this file")
    opt = ap.parse_args()

    import numba
    import pyc2go

    load0 = os.getloadavg()
    work = tempfile.mkdtemp(prefix="pyc2go-bench-")
    try:
        cache = os.path.join(work, "pyc2go-cache")
        env = {"PYC2GO_CACHE": cache, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        # pyc2go's C runtime, compiled once per compiler and flags.
        t = time.perf_counter()
        first_call("pyc2go", "collatz", env)
        runtime = time.perf_counter() - t
        rows = []
        for name in NAMES:
            row = {"kernel": name, "size": SIZES[name]}
            cold, warm, ncold, nwarm = [], [], [], []
            for _ in range(opt.repeat):
                for d in glob.glob(os.path.join(cache, "python", "jit", "kernels.%s-*" % name)):
                    shutil.rmtree(d)
                cold.append(first_call("pyc2go", name, env))
                warm.append(first_call("pyc2go", name, env))
                nenv = dict(env, NUMBA_CACHE_DIR=tempfile.mkdtemp(dir=work))
                ncold.append(first_call("numba", name, nenv))
                nwarm.append(first_call("numba", name, nenv))
            row.update(pyc2go_cold=statistics.median(cold), pyc2go_warm=statistics.median(warm),
                       numba_cold=statistics.median(ncold), numba_warm=statistics.median(nwarm))
            os.environ["PYC2GO_CACHE"] = cache
            f, g = pyc2go.jit(getattr(kernels, name)), numba.njit(getattr(kernels, name))
            args = make_args(name)
            row["agree"] = agree(*[outputs(h, args) for h in (f, g)])
            row["pyc2go_min"], row["pyc2go_median"] = steady(f, args)
            row["numba_min"], row["numba_median"] = steady(g, args)
            rows.append(row)
            print("%s done" % name, file=sys.stderr)
        load1 = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("load average before: %.2f %.2f %.2f, after: %.2f %.2f %.2f (%d CPUs)" % (load0 + load1 + (os.cpu_count(),)))
    print("pyc2go's C runtime compiled once (first kernel's cold call, included): %s" % fmt(runtime))
    print()
    print("| kernel | size | first call: pyc2go cold | pyc2go warm | numba cold | numba warm "
          "| steady: pyc2go min | median | numba min | median | pyc2go/numba (median) | results |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s |" % (
            r["kernel"], r["size"], fmt(r["pyc2go_cold"]), fmt(r["pyc2go_warm"]), fmt(r["numba_cold"]), fmt(r["numba_warm"]),
            fmt(r["pyc2go_min"]), fmt(r["pyc2go_median"]), fmt(r["numba_min"]), fmt(r["numba_median"]),
            r["pyc2go_median"] / r["numba_median"], r["agree"]))
    if opt.json:
        with open(opt.json, "w") as fh:
            json.dump({"load_before": load0, "load_after": load1, "runtime": runtime, "rows": rows}, fh, indent=1)


if __name__ == "__main__":
    main()
