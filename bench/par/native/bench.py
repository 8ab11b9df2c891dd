"""Times mandelbrot(600, 800, 256) of bench/par/kernels.py through its
native modules: the -O0 build (prange is range) and the -O2 build, whose
prange is an OpenMP loop, with PYC2GO_WORKERS=1 and 2. Each setting runs
in a fresh process, since the thread count is read per loop but libgomp's
team outlives it. Prints wall and CPU milliseconds per call (best of 5),
and checks every build returns the same array.

Usage: /usr/bin/python3 bench/par/native/bench.py DIR   (bench/par/native/run does it all)
"""
import hashlib
import importlib.util
import os
import subprocess
import sys
import time

import numpy as np

ARGS = (600, 800, 256)


def load(path):
    spec = importlib.util.spec_from_file_location("kernels_native", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def child(moddir):
    k = load(os.path.join(moddir, "kernels_native.py"))
    k.mandelbrot(60, 80, 256)
    walls, cpus = [], []
    for _ in range(5):
        c, t = time.process_time(), time.perf_counter()
        r = k.mandelbrot(*ARGS)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    print(min(walls) * 1e3, min(cpus) * 1e3, int(r.sum()), hashlib.sha256(r.tobytes()).hexdigest()[:16])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    root = sys.argv[1]
    rows, sums = [], set()
    for build, workers in (("o0", "1"), ("o2", "1"), ("o2", "2")):
        env = dict(os.environ, PYC2GO_WORKERS=workers)
        out = subprocess.run([sys.executable, __file__, "--child", os.path.join(root, build)],
                             env=env, check=True, capture_output=True, text=True).stdout.split()
        wall, cpu = float(out[0]), float(out[1])
        sums.add((out[2], out[3]))
        rows.append((build, workers, wall, cpu))
    base = rows[0][2]
    print("| build | threads | wall ms | cpu ms | speedup over -O0 |")
    print("|---|---:|---:|---:|---:|")
    for build, workers, wall, cpu in rows:
        print(f"| -{build.upper()} | {workers} | {wall:.1f} | {cpu:.1f} | {base / wall:.2f}x |")
    print("results agree" if len(sums) == 1 else f"RESULTS DIFFER: {sums}")
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
