"""The disk cache: a second process reuses what the first compiled; a
change to the function, to what it calls, to the options, the compiler
or its flags compiles again; a change elsewhere in the module does not;
cache=False leaves nothing behind; the cache can be found and cleared.
Also the threads and processes of concurrent first calls: one build."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest
import uuid

import numpy as np

import pyc2go
from common import python

MODULE = '''import numpy as np
import pyc2go

SCALE = {scale}


def helper(x: float) -> float:
    return x * SCALE


@pyc2go.jit{opts}
def f(a):
    # {nonce}
    s = 0.0
    for i in range(a.shape[0]):
        s += helper(a[i]) {op} 1.0
    return s


def unrelated():
    return {token}
'''

UFUNC = '''

@pyc2go.vectorize(["float64(float64)"])
def g(x):
    # {nonce}
    return helper(x) {op} 1.0
'''

RUN = '''import json, numpy as np, pyc2go, {mod}
r = {mod}.f(np.arange(5.0))
if hasattr({mod}, "g"):
    assert {mod}.g(np.arange(3.0)).tolist() == [{mod}.helper(x) {op} 1.0 for x in range(3)]
print(json.dumps({{"r": r, "want": {mod}.f.py_func(np.arange(5.0)), "stats": pyc2go.stats()}}))
'''


class Module:
    """A kernel module in a directory of its own, run in new processes."""

    def __init__(self, ufunc=False, **fields):
        self.ufunc = ufunc  # also a vectorize ufunc g
        self.dir = tempfile.mkdtemp(prefix="pyc2go-cache-test-")
        self.name = "kmod_" + uuid.uuid4().hex[:8]
        self.fields = dict(scale=2.0, opts="", nonce=uuid.uuid4().hex, op="+", token=0)
        self.write(**fields)

    def write(self, **fields):
        self.fields.update(fields)
        with open(os.path.join(self.dir, self.name + ".py"), "w") as fh:
            fh.write((MODULE + (UFUNC if self.ufunc else "")).format(**self.fields))

    def run(self, env=None):
        out = json.loads(python(RUN.format(mod=self.name, op=self.fields["op"]), cwd=self.dir, env=dict(env or {}, PYTHONPATH=self.path())))
        assert out["r"] == out["want"], out
        return out["stats"]

    def start(self):
        code = RUN.format(mod=self.name, op=self.fields["op"])
        return subprocess.Popen([sys.executable, "-c", code], cwd=self.dir, stdout=subprocess.PIPE, text=True,
                                env=dict(os.environ, PYTHONPATH=self.path()))

    def path(self):
        return os.pathsep.join([self.dir, os.environ.get("PYTHONPATH", "")])

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def compiled(stats):
    return stats["compiled"]["jit"]


def hits(stats):
    return stats["disk_hits"]["jit"]


class TestCache(unittest.TestCase):
    def setUp(self):
        self.m = Module()

    def tearDown(self):
        self.m.close()

    def test_second_process_reuses(self):
        self.m.close()
        self.m = Module(ufunc=True)
        s = self.m.run()
        self.assertEqual((compiled(s), hits(s)), (1, 0))
        self.assertEqual((s["compiled"]["ufunc"], s["disk_hits"]["ufunc"]), (1, 0))
        s = self.m.run()
        self.assertEqual((compiled(s), hits(s)), (0, 1))
        self.assertEqual((s["compiled"]["ufunc"], s["disk_hits"]["ufunc"]), (0, 1))

    def test_what_invalidates(self):
        self.m.run()
        # Outside the function and what it calls: the same entry.
        self.m.write(token=1)
        self.assertEqual(compiled(self.m.run()), 0)
        # The function, a function it calls, a constant it reads.
        for change in (dict(op="-"), dict(scale=3.0)):
            self.m.write(**change)
            self.assertEqual(compiled(self.m.run()), 1, change)
            self.assertEqual(compiled(self.m.run()), 0, change)
        # Options, the C compiler's flags, the compiler itself.
        self.m.write(opts="(fastmath=True)")
        self.assertEqual(compiled(self.m.run()), 1)
        self.assertEqual(compiled(self.m.run(env={"PYC2GO_JIT_CFLAGS": "-O1"})), 1)
        other = os.path.join(self.m.dir, "pyc2go-copy")
        shutil.copy(os.environ.get("PYC2GO_BIN") or shutil.which("pyc2go"), other)
        with open(other, "ab") as fh:
            fh.write(b"\0")  # another binary: the same program, another identity
        self.assertEqual(compiled(self.m.run(env={"PYC2GO_BIN": other})), 1)
        self.assertEqual(compiled(self.m.run(env={"PYC2GO_BIN": other})), 0)

    def test_cache_false(self):
        self.m.write(opts="(cache=False)")
        jit = os.path.join(pyc2go.cache_dir(), "jit")
        for _ in range(2):
            s = self.m.run()
            self.assertEqual((compiled(s), hits(s)), (1, 0))
        # No entry of this module (entries are named MODULE.FUNCTION-KEY;
        # other tests share the directory).
        mine = [d for d in os.listdir(jit) if d.startswith(self.m.name + ".")] if os.path.isdir(jit) else []
        self.assertEqual(mine, [])

    def test_location_and_clearing(self):
        d = tempfile.mkdtemp(prefix="pyc2go-cache-clear-")
        try:
            env = {"PYC2GO_CACHE": d}
            self.assertEqual(python("import pyc2go; print(pyc2go.cache_dir())", env=env).strip(), os.path.join(d, "python"))
            self.assertEqual(subprocess.run([sys.executable, "-m", "pyc2go", "cache-dir"], env=dict(os.environ, **env),
                                            capture_output=True, text=True).stdout.strip(), os.path.join(d, "python"))
            self.assertEqual(compiled(self.m.run(env=env)), 1)
            self.assertTrue(os.listdir(os.path.join(d, "python", "jit")))
            subprocess.run([sys.executable, "-m", "pyc2go", "clear-cache"], env=dict(os.environ, **env), check=True)
            self.assertFalse(os.path.exists(os.path.join(d, "python")))
            self.assertEqual(compiled(self.m.run(env=env)), 1)
        finally:
            shutil.rmtree(d, ignore_errors=True)


class TestConcurrency(unittest.TestCase):
    def setUp(self):
        self.m = Module()

    def tearDown(self):
        self.m.close()

    def test_processes_compile_once(self):
        ps = [self.m.start() for _ in range(3)]
        stats = []
        for p in ps:
            out, _ = p.communicate()
            self.assertEqual(p.returncode, 0)
            stats.append(json.loads(out)["stats"])
        self.assertEqual(sorted((compiled(s), hits(s)) for s in stats), [(0, 1), (0, 1), (1, 0)])

    def test_threads_compile_once(self):
        sys.path.insert(0, self.m.dir)
        try:
            mod = __import__(self.m.name)
        finally:
            sys.path.remove(self.m.dir)
        before = pyc2go.stats()
        go = threading.Barrier(8)
        results, errors = [None] * 8, []

        def worker(i):
            go.wait()
            try:
                # Two argument types among the threads: two versions.
                a = np.arange(7.0) if i % 2 else np.arange(7, dtype=np.float32)
                results[i] = (mod.f(a), mod.f.py_func(a))
            except Exception as e:  # reported below
                errors.append(e)

        ts = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(errors, [])
        for got, want in results:
            self.assertEqual(got, want)
        after = pyc2go.stats()
        self.assertEqual(compiled(after) - compiled(before), 2)
        self.assertEqual(len(mod.f.signatures), 2)


if __name__ == "__main__":
    unittest.main()
