"""Differential tests of pyc2go.jit: every kernel of jit_kernels.py, on
every argument set below, returns (and raises, and writes into its
arguments) what the undecorated function does under CPython."""

import math
import unittest

import numpy as np

import jit_kernels as k
import pyc2go
from common import outcome, same_outcome


def _rng():
    return np.random.default_rng(7)


def cases():
    """(kernel, args, kwargs) triples; arrays are fresh per case."""
    r = _rng()
    f64 = r.standard_normal(37)
    f32 = r.standard_normal(37).astype(np.float32)
    i64 = r.integers(-50, 50, 23)
    mat_a, mat_b = r.standard_normal((5, 4)), r.standard_normal((4, 3))
    yield k.total, (f64,), {}
    yield k.total, (f32,), {}
    yield k.total, (i64,), {}
    yield k.total, (f64[::-3],), {}  # a strided view: no copy, same answer
    yield k.total, (np.zeros(0),), {}
    yield k.axpy, (2.5, f64, f64[::-1].copy()), {}
    yield k.axpy, (3, i64, i64), {}
    yield k.axpy, (np.float32(0.5), f32, f32), {}
    yield k.scale_inplace, (f64.copy(), 3.0), {}
    yield k.scale_inplace, (f64[1::2], -1.0), {}  # writes through the view
    yield k.matmul, (mat_a, mat_b), {}
    yield k.matmul, (mat_a.T.copy(), mat_a), {}
    yield k.matmul, (mat_a, mat_a), {}  # IndexError: inner sizes differ
    yield k.gcd, (-12, 18), {}
    yield k.gcd, (np.int32(84), np.int32(-36)), {}
    yield k.quot_rem, (17, -5), {}
    yield k.quot_rem, (-7.5, 2.0), {}
    yield k.quot_rem, (1, 0), {}  # ZeroDivisionError
    yield k.quot_rem, (1.0, 0.0), {}
    yield k.first_negative, (np.abs(f64) - 0.3,), {}
    yield k.first_negative, (np.abs(f64),), {}  # ValueError
    yield k.at, (i64, -1), {}
    yield k.at, (i64, 23), {}  # IndexError with numpy's message
    yield k.at, (f32, -38), {}
    yield k.norm, (f64,), {}
    yield k.count_true, (r.standard_normal((6, 7)) > 0,), {}
    yield k.cmul, (1 + 2j, 3 - 1j), {}
    yield k.cmul, (complex(math.inf, 0), 1j), {}
    yield k.halve, (7,), {}
    yield k.halve, (np.float32(3.0),), {}
    yield k.halve, (np.int16(-9),), {}
    yield k.halve, (True,), {}
    yield k.power_sum, (i64,), {}
    yield k.power_sum, (i64, 3), {}
    yield k.power_sum, (i64,), {"p": 1, "start": 5}
    yield k.power_sum, (), {"a": f64, "start": 30}
    yield k.par_square_sum, (r.integers(-1000, 1000, 5000),), {}
    yield k.unchecked_sum, (f64,), {}
    yield k.smooth, (f64,), {}
    yield k.scale2, (f64, 2.0), {}
    yield k.scale2, (i64, 3), {}
    yield k.standardize_cols, (r.standard_normal((6, 3)),), {}
    yield k.standardize_cols, (f64,), {}


class TestDifferential(unittest.TestCase):
    def test_kernels(self):
        n = 0
        for f, args, kwargs in cases():
            want = outcome(f.py_func, args, kwargs)
            got = outcome(f, args, kwargs)
            n += 1
            with self.subTest(kernel=f.__name__, args=[type(a).__name__ for a in args], kwargs=kwargs):
                self.assertTrue(same_outcome(want, got), "%s(%s):\n CPython  %r\n compiled %r" % (
                    f.__name__, ", ".join(map(repr, args)), want[:3], got[:3]))
        self.assertGreater(n, 30)

    def test_signature_refuses(self):
        # An annotated function has one signature: arguments of other types
        # are a TypeError (the native module's), though Python would run.
        i64 = np.arange(5)
        self.assertEqual(outcome(k.smooth.py_func, (i64,))[0], "ok")
        with self.assertRaisesRegex(TypeError, r"smooth\(\) argument 'x' must be a float64\[:\] array, not int64 array of ndim 1"):
            k.smooth(i64)

    def test_fastmath_tolerance(self):
        # fastmath reassociates the float sum: equal within the tolerance
        # verify uses (README, "--fastmath"), not bit for bit.
        x, y = _rng().standard_normal(10001), _rng().standard_normal(10001)
        want, got = k.fast_dot.py_func(x, y), k.fast_dot(x, y)
        self.assertLessEqual(abs(want - got) / max(1.0, abs(want), abs(got)), 1e-9)

    def test_specialisations(self):
        # One compiled version per combination of argument types.
        k.total(np.arange(3.0))
        k.total(np.arange(4.0))
        k.total(np.arange(3, dtype=np.int32))
        sigs = k.total.signatures
        self.assertIn(((np.dtype("float64"), 1),), sigs)
        self.assertIn(((np.dtype("int32"), 1),), sigs)
        self.assertEqual(len(sigs), len(set(sigs)))
        # A function with its own signature compiles once, whatever it is
        # called with.
        k.smooth(np.arange(3.0))
        self.assertEqual(k.smooth.signatures, [])

    def test_wrapper(self):
        self.assertEqual(k.smooth.__name__, "smooth")
        self.assertEqual(k.smooth.__doc__, "An annotated kernel: one signature, compiled once.")
        self.assertIsInstance(k.total, pyc2go.Dispatcher)
        self.assertIs(pyc2go.jit(k.total.py_func).py_func, k.total.py_func)
        self.assertEqual(repr(k.total), "<pyc2go.jit total>")

    def test_bad_call(self):
        # A call Python itself refuses gets Python's TypeError.
        for args, kwargs in [((), {}), ((1, 2, 3), {}), ((np.arange(3),), {"q": 1})]:
            want = outcome(k.power_sum.py_func, args, kwargs)
            got = outcome(k.power_sum, args, kwargs)
            self.assertEqual(want, got)


if __name__ == "__main__":
    unittest.main()
