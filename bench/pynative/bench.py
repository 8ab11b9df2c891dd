"""Times bench/kernels.py through its native module (pyc2go compile --lang
python) against the original Python, which is numpy: the same operation,
in-process, on the same arrays.

Usage: /usr/bin/python3 bench/pynative/bench.py MODDIR   (bench/pynative/run does it all)

For each kernel and size it prints the best per-call time of numpy and of
the native module, their ratio, and whether the results agree; the
1-element rows show the fixed cost of a call through ctypes.
"""
import importlib.util
import os
import sys
import timeit

import numpy as np


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def best(fn, args):
    """Best time per call in seconds, over 5 repeats of a batch sized to
    take about 0.1 s. In-place kernels run on the same arrays each time
    (their values drift; the work per call does not)."""
    def once():
        return fn(*args)
    n = 1
    while True:
        t = timeit.timeit(once, number=n)
        if t > 0.1 or n >= 1 << 20:
            break
        n *= 4
    return min(timeit.repeat(once, number=n, repeat=5)) / n


def compare(fn, base_fn, args):
    """Whether fn and base_fn agree on copies of args: on the result, or
    for in-place kernels (None) on the arguments after the call."""
    a1 = [v.copy() if isinstance(v, np.ndarray) else v for v in args]
    a2 = [v.copy() if isinstance(v, np.ndarray) else v for v in args]
    got, want = fn(*a1), base_fn(*a2)
    if got is None and want is None:
        got = [v for v in a1 if isinstance(v, np.ndarray)]
        want = [v for v in a2 if isinstance(v, np.ndarray)]
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if np.array_equal(got, want, equal_nan=True):
        return "bit-exact"
    if np.allclose(got, want, rtol=1e-9, atol=0, equal_nan=True):
        return "within 1e-9"
    return "DIFFERENT"


def main():
    moddir = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    ref = load(os.path.join(here, "..", "kernels.py"), "kernels_ref")
    sys.path.insert(0, moddir)
    import kernels_native as nat

    rng = np.random.default_rng(1)
    rows = []
    for n in (1, 1000, 1_000_000):
        x, y, z = rng.standard_normal(n), rng.standard_normal(n), np.zeros(n)
        xi, yi = rng.integers(-1000, 1000, n), rng.integers(-1000, 1000, n)
        m = max(1, int(round(n ** 0.5)))
        a, b = rng.standard_normal((m, m)), rng.standard_normal((m, m))
        cases = [
            ("axpy", (2.0, x, y)),
            ("triad", (z, x, y, 3.0)),
            ("sqdist", (x, y)),
            ("sqdist_int", (xi, yi)),
            ("softmax", (x,)),
            ("heat_step", (x.copy(), 0.1)),
            ("mat_expr", (a, b)),
            ("dot_loop", (x, y)),
        ]
        for name, args in cases:
            if name == "dot_loop":
                base_fn, base_name = (lambda p, q: float(np.dot(p, q))), "np.dot"
            else:
                base_fn, base_name = getattr(ref, name), "numpy"
            agree = compare(getattr(nat, name), base_fn, args)
            tb = best(base_fn, args)
            tn = best(getattr(nat, name), args)
            size = "%dx%d" % (m, m) if name == "mat_expr" else str(n)
            rows.append((name, size, base_name, tb, tn, agree))
    print("%-11s %-10s %-7s %12s %12s %8s  %s" % ("kernel", "size", "vs", "numpy", "native", "speedup", "results"))
    for name, size, base_name, tb, tn, agree in rows:
        print("%-11s %-10s %-7s %10.2f us %10.2f us %7.2fx  %s" % (name, size, base_name, tb * 1e6, tn * 1e6, tb / tn, agree))


if __name__ == "__main__":
    main()
