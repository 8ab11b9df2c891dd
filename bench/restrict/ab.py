"""A/B of the restrict pass: the same kernels built into native modules
with and without it, timed one after the other in one process, best of
7 repeats each (wall time per call).

Usage: /usr/bin/python3 bench/restrict/ab.py DIR   (bench/restrict/run does it all)
"""
import importlib.util
import sys
import timeit

import numpy as np

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m

def best(fn, args, number):
    return min(timeit.repeat(lambda: fn(*args), number=number, repeat=7)) / number

rng = np.random.default_rng(0)
cases = []
for n in (64, 256):
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    cases.append(("restrict", "matmul_into", f"{n}x{n}", (a, b, np.zeros((n, n))), max(1, 2000000 // n**3)))
x, y = rng.standard_normal(10**6), rng.standard_normal(10**6)
cases.append(("kernels", "axpy", "1e6", (2.0, x, y), 20))
cases.append(("kernels", "sqdist", "1e6", (x, y), 20))
cases.append(("kernels", "heat_step", "1e6", (x.copy(), 0.25), 20))
cases.append(("kernels", "softmax", "1e4", (x[:10**4],), 200))
on = {m: load(f"{sys.argv[1]}/on/{m}_native.py", m + "_on") for m in ("restrict", "kernels")}
off = {m: load(f"{sys.argv[1]}/off/{m}_native.py", m + "_off") for m in ("restrict", "kernels")}
print("| kernel | n | without restrict | with | ratio |\n|---|---|---:|---:|---:|")
for mod, fn, n, args, number in cases:
    t_off = best(getattr(off[mod], fn), args, number)
    t_on = best(getattr(on[mod], fn), args, number)
    print(f"| {fn} | {n} | {t_off*1e6:.1f} µs | {t_on*1e6:.1f} µs | {t_off/t_on:.2f}x |")
