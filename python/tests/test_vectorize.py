"""pyc2go.vectorize makes real numpy ufuncs: compared with np.frompyfunc of
the undecorated scalar function (CPython's own result, element by
element) and with numpy's ufuncs on broadcasting, out=, where=, dtype=,
reduce, accumulate, outer, at, exceptions and floating-point errors."""

import re
import threading
import unittest
import warnings

import numpy as np

import ufunc_kernels as u
from common import outcome

_PYKINDS = {"int64": int, "float64": float, "bool": bool, "complex128": complex}


def ref(name, ins, outs, identity=None):
    """np.frompyfunc of the scalar function, called as the loop with input
    dtypes ins calls it (Python scalars for numpy's 8-byte kinds, numpy
    scalars for the sized ones), results cast to outs like the ufunc's."""
    f = u.PY[name]
    conv = [_PYKINDS.get(np.dtype(d).name, np.dtype(d).type) for d in ins]
    uf = np.frompyfunc(lambda *xs: f(*[c(x) for c, x in zip(conv, xs)]), len(ins), len(outs), identity=identity)

    def call(method, *args, **kwargs):
        r = getattr(uf, method)(*args, **kwargs) if method else uf(*args, **kwargs)
        if method == "at":
            return r
        if isinstance(r, tuple):
            return tuple(np.asarray(x).astype(o) for x, o in zip(r, outs))
        return np.asarray(r).astype(outs[0])

    return call


def rng():
    return np.random.default_rng(3)


class TestUfunc(unittest.TestCase):
    def assertSame(self, want, got):
        if isinstance(want, tuple):
            self.assertEqual(len(want), len(got))
            for w, g in zip(want, got):
                self.assertSame(w, g)
            return
        got = np.asarray(got)
        self.assertEqual(want.dtype, got.dtype)
        self.assertEqual(want.shape, got.shape)
        self.assertTrue(np.array_equal(want, got, equal_nan=want.dtype.kind in "fc"), "\nwant %r\ngot  %r" % (want, got))

    def assertSameOutcome(self, want, got, name=None):
        """Same result or same exception; numpy names the ufunc in some
        messages, which differ only by that name."""
        self.assertEqual(want[0], got[0], (want, got))
        if want[0] == "raise":
            self.assertIs(want[1], got[1])
            self.assertEqual(re.sub(r"\S+ \(vectorized\)", name or "?", want[2]), got[2])
        else:
            self.assertSame(want[1], got[1])

    def test_is_a_ufunc(self):
        self.assertIsInstance(u.floordiv, np.ufunc)
        self.assertEqual((u.floordiv.nin, u.floordiv.nout, u.floordiv.__name__), (2, 1, "floordiv"))
        self.assertEqual(u.floordiv.types, ["ll->l", "dd->d"])
        self.assertEqual(u.quot_rem.types, ["ll->ll", "dd->dd"])
        self.assertEqual((u.add.identity, u.floordiv.identity, u.xor.identity), (0, None, False))
        self.assertIn("Annotations are ignored", u.clamp.__doc__)

    def test_elementwise_and_broadcasting(self):
        r = rng()
        a, b = r.integers(-20, 20, (4, 1)), r.integers(1, 9, 3)
        self.assertSame(ref("floordiv", "ll", "l")(None, a, b), u.floordiv(a, b))
        x, y = r.standard_normal((3, 5)), r.standard_normal(5)
        self.assertSame(ref("floordiv", "dd", "d")(None, x, y), u.floordiv(x, y))
        self.assertSame(ref("clamp", "ddd", "d")(None, x, -0.5, y), u.clamp(x, -0.5, y))
        # Strided, reversed and transposed operands.
        self.assertSame(ref("mul", "dd", "d")(None, x.T, x[::-1].T[:, ::-1]), u.mul(x.T, x[::-1].T[:, ::-1]))
        self.assertSame(ref("mul", "dd", "d")(None, x[:, ::2], y[::2]), u.mul(x[:, ::2], y[::2]))
        # Scalars give numpy scalars, as numpy's ufuncs do.
        self.assertEqual(type(u.add(2.5, 1.0)), np.float64)
        self.assertSame(ref("add", "dd", "d")(None, 2.5, 1.0), u.add(2.5, 1.0))

    def test_kinds(self):
        r = rng()
        f32 = r.standard_normal(50).astype(np.float32)
        self.assertSame(ref("mul_add", "ff", "f")(None, f32, f32[::-1]), u.mul_add(f32, f32[::-1]))
        i16 = r.integers(-300, 300, 50).astype(np.int16)  # int16 products wrap, as numpy scalars do
        self.assertSame(ref("mul_add", "hh", "h")(None, i16, i16), u.mul_add(i16, i16))
        p, q = r.standard_normal((2, 7)) > 0
        self.assertSame(ref("xor", "??", "?")(None, p, q), u.xor(p, q))
        self.assertSame(np.logical_xor(p, q), u.xor(p, q))
        z = r.standard_normal(9) + 1j * r.standard_normal(9)
        self.assertSame(ref("abs2", "D", "D")(None, z), u.abs2(z))
        # Known to differ, for a reason outside this package: pyc2go (both
        # backends; `pyc2go verify` of z * w on np.complex64 fails alike)
        # multiplies complex64 values in complex128 and rounds once, where
        # numpy rounds each float32 product. It must keep differing until
        # that is fixed, then become an ordinary case.
        z64 = z.astype(np.complex64)
        self.assertFalse(np.array_equal(ref("abs2", "F", "F")(None, z64), u.abs2(z64)),
                         "abs2 on complex64 agrees with CPython now: compare it like the others")
        self.assertTrue(np.allclose(ref("abs2", "F", "F")(None, z64), u.abs2(z64), rtol=1e-6))
        x = np.array([-2.0, -0.0, 0.0, 3.0, np.inf, -np.inf])
        self.assertSame(ref("sign", "d", "l")(None, x), u.sign(x))

    def test_multiple_outputs(self):
        r = rng()
        a, b = r.integers(-50, 50, 40), r.integers(1, 7, 40) * r.choice([-1, 1], 40)
        self.assertSame(ref("quot_rem", "ll", "ll")(None, a, b), u.quot_rem(a, b))
        self.assertSame(np.divmod(a, b), u.quot_rem(a, b))
        x, y = r.standard_normal(40) * 10, r.standard_normal(40)
        self.assertSame(ref("quot_rem", "dd", "dd")(None, x, y), u.quot_rem(x, y))
        q, m = np.empty(40), np.empty(40)
        res = u.quot_rem(x, y, out=(q, m))
        self.assertIs(res[0], q)
        self.assertIs(res[1], m)

    def test_out_where_dtype(self):
        r = rng()
        x, y = r.standard_normal((3, 4)), r.standard_normal(4)
        out = np.full((3, 4), 7.0)
        res = u.mul(x, y, out=out)
        self.assertIs(res, out)
        self.assertSame(ref("mul", "dd", "d")(None, x, y), out)
        mask = r.standard_normal((3, 4)) > 0
        out = np.full((3, 4), 7.0)
        u.mul(x, y, out=out, where=mask)
        want = np.full((3, 4), 7.0)
        np.multiply(x, y, out=want, where=mask)
        self.assertSame(want, out)
        # out= of another dtype casts as numpy's ufuncs do (same_kind).
        out32 = np.empty((3, 4), np.float32)
        u.mul(x, y, out=out32)
        self.assertSame(np.multiply(x, y, out=np.empty((3, 4), np.float32)), out32)
        with self.assertRaises(np.core._exceptions._UFuncOutputCastingError):
            u.mul(x, y, out=np.empty((3, 4), np.int64))
        # dtype= picks the loop: ints added in the float64 loop.
        a, b = r.integers(-9, 9, 5), r.integers(-9, 9, 5)
        self.assertEqual(u.add(a, b).dtype, np.int64)
        self.assertSame(np.add(a, b, dtype=np.float64), u.add(a, b, dtype=np.float64))
        self.assertSame(np.add(a, b, signature=("d", "d", "d")), u.add(a, b, signature=("d", "d", "d")))
        # Inputs no loop takes safely: numpy's error.
        with self.assertRaises(TypeError):
            u.floordiv(np.ones(2, np.complex128), 1.0)

    def test_reduce_accumulate_outer_at(self):
        r = rng()
        m = r.integers(-100, 100, (4, 5))
        ref_add = ref("add", "ll", "l", identity=0)
        for axis in (0, 1, None):
            self.assertSame(ref_add("reduce", m, axis=axis), u.add.reduce(m, axis=axis))
            self.assertSame(np.add.reduce(m, axis=axis), u.add.reduce(m, axis=axis))
        self.assertSame(ref_add("accumulate", m, axis=1), u.add.accumulate(m, axis=1))
        self.assertSame(ref_add("reduceat", m, [0, 2, 3], axis=1), u.add.reduceat(m, [0, 2, 3], axis=1))
        self.assertSame(ref_add("outer", m[0], m[1]), u.add.outer(m[0], m[1]))
        x = r.standard_normal(30)
        ref_fd = ref("floordiv", "dd", "d")
        self.assertSame(ref_fd("accumulate", x), u.floordiv.accumulate(x))
        self.assertSame(ref_fd("reduce", x[:7]), u.floordiv.reduce(x[:7]))
        self.assertSame(ref_fd("outer", x[:4], x[4:9]), u.floordiv.outer(x[:4], x[4:9]))
        # Empty reductions: the identity, else numpy's ValueError.
        self.assertSame(np.add.reduce(np.zeros(0, np.int64)), u.add.reduce(np.zeros(0, np.int64)))
        self.assertSameOutcome(outcome(np.frompyfunc(u.PY["floordiv"], 2, 1).reduce, (np.zeros(0),)),
                               outcome(u.floordiv.reduce, (np.zeros(0),)), "floordiv")
        # at: unbuffered, repeated indices apply repeatedly.
        want, got = m[0].copy(), m[0].copy()
        np.add.at(want, [0, 0, 3, 1, 0], 5)
        u.add.at(got, [0, 0, 3, 1, 0], 5)
        self.assertSame(want, got)
        want, got = x.copy(), x.copy()
        wo = want.astype(object)
        np.frompyfunc(u.PY["floordiv"], 2, 1).at(wo, [2, 2, 5], 0.25)
        u.floordiv.at(got, [2, 2, 5], 0.25)
        self.assertSame(wo.astype(np.float64), got)

    def test_buffered_casts(self):
        # Inputs the loop takes through numpy's casting buffers (float32
        # into the float64 loop), in chunks larger than the buffer.
        x = rng().standard_normal(70001).astype(np.float32)
        self.assertSame(ref("mul", "dd", "d")(None, x.astype(np.float64), 3.0), u.mul(x, 3.0))

    def test_exceptions(self):
        # What the scalar function raises stops the ufunc and is raised,
        # as with np.frompyfunc: in calls, reductions and at.
        a, z = np.arange(-3, 5), np.array([2, 1, 0, 3, 1, 2, 5, 4])
        cases = [
            (ref("floordiv", "ll", "l"), (None, a, z), u.floordiv, ()),
            (ref("floordiv", "ll", "l"), ("reduce", np.array([6, 3, 0, 1])), u.floordiv.reduce, (np.array([6, 3, 0, 1]),)),
            (ref("floordiv", "dd", "d"), ("accumulate", np.array([6.0, 0.0])), u.floordiv.accumulate, (np.array([6.0, 0.0]),)),
            (ref("root", "d", "d"), (None, np.array([4.0, -1.0])), u.root, (np.array([4.0, -1.0]),)),
        ]
        for rf, rargs, f, args in cases:
            want = outcome(lambda: rf(*rargs), ())
            got = outcome(f, args or (a, z))
            self.assertEqual(want[0], "raise")
            self.assertSameOutcome(want, got)
        with self.assertRaisesRegex(ZeroDivisionError, "^integer division or modulo by zero$") as cm:
            u.floordiv.at(a.copy(), [1, 2], np.array([1, 0]))
        self.assertTrue(any("floordiv()" in n for n in getattr(cm.exception, "__notes__", ["floordiv()"])))

    def test_floating_point_errors(self):
        # Overflow to inf is numpy's errstate business, as for np.multiply.
        big = np.array([1e308, 2.0])
        for mode, exc in (("raise", FloatingPointError),):
            with np.errstate(over=mode):
                with self.assertRaisesRegex(exc, "^overflow encountered in mul$"):
                    u.mul(big, 10.0)
                with self.assertRaisesRegex(exc, "^overflow encountered in multiply$"):
                    np.multiply(big, 10.0)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            with np.errstate(over="ignore"):
                u.mul(big, 10.0)
            self.assertEqual(w, [])
            u.mul(big, 10.0)
            self.assertEqual([(x.category, str(x.message)) for x in w], [(RuntimeWarning, "overflow encountered in mul")])
        # NaN inputs do not warn (np.sign does not), NaNs made from numbers
        # do (np.subtract(inf, inf) does).
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            self.assertSame(np.array([0]), u.sign(np.array([np.nan])))
            u.mul(np.array([np.nan]), 2.0)
            u.rel(np.array([np.nan, 1.0]), 2.0)
            with self.assertRaisesRegex(RuntimeWarning, "^invalid value encountered in subtract$"):
                np.subtract(np.inf, np.inf)
            with self.assertRaisesRegex(RuntimeWarning, "^invalid value encountered in rel$"):
                u.rel(np.inf, np.inf)

    def test_without_signatures(self):
        r = rng()
        x, y = r.standard_normal(11), r.standard_normal(11)
        self.assertSame(ref("rel", "dd", "d")(None, x, y), u.rel(x, y))
        self.assertIn("dd->d", u.rel.types)
        # New input dtypes compile a loop of their own (int8 arithmetic
        # wraps, as numpy's int8 scalars do; / makes float64).
        i8 = r.integers(-100, 100, 20).astype(np.int8)
        j8 = r.integers(1, 100, 20).astype(np.int8)
        self.assertSame(ref("rel", "bb", "d")(None, i8, j8), u.rel(i8, j8))
        self.assertIn("bb->d", u.rel.types)
        n = u.rel.ntypes
        u.rel(i8, j8)
        u.rel.reduce(x)
        self.assertEqual(u.rel.ntypes, n)
        f32 = x.astype(np.float32)
        self.assertSame(ref("rel", "ff", "f")(None, f32, f32[::-1]), u.rel(f32, f32[::-1]))
        self.assertSame(ref("rel", "dd", "d", identity=None)("reduce", x), u.rel.reduce(x))
        with self.assertRaisesRegex(TypeError, "has no loop for object inputs"):
            u.rel(np.array([1, "a"], dtype=object), 1.0)
        # ZeroDivisionError of Python ints: the int64 loop raises.
        with self.assertRaisesRegex(ZeroDivisionError, "^division by zero$"):
            u.rel(np.arange(3), np.arange(3))

    def test_threads_compile_once(self):
        # Threads meeting new input dtypes at once: one loop each.
        twice_minus = u.twice_minus
        go = threading.Barrier(6)
        results, errors = [], []

        def worker():
            go.wait()
            try:
                results.append(twice_minus(np.arange(5, dtype=np.uint16)))
            except Exception as e:  # reported below
                errors.append(e)

        ts = [threading.Thread(target=worker) for _ in range(6)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(twice_minus.types, ["H->l"])
        for res in results:
            self.assertSame(ref_twice(np.arange(5, dtype=np.uint16)), res)


    def test_threads_methods_first(self):
        # The first uses of new input dtypes are methods and calls at once.
        go = threading.Barrier(6)
        a = np.arange(1, 9, dtype=np.int32)
        results, errors = {}, []

        def worker(i):
            go.wait()
            try:
                if i % 3 == 0:
                    results[i] = ("accumulate", u.plus.accumulate(a))
                elif i % 3 == 1:
                    results[i] = ("reduce", u.plus.reduce(a))
                else:
                    results[i] = ("call", u.plus(a, a))
            except Exception as e:  # reported below
                errors.append(e)

        ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(errors, [])
        self.assertIsInstance(u.plus, np.ufunc)
        self.assertEqual(type(u.plus).__name__, "lazy_ufunc")
        self.assertEqual(u.plus.types, ["ii->i"])  # one loop: np.int32 + np.int32 is an int32
        r = ref("plus", "ii", "i")
        for kind, got in results.values():
            want = {"accumulate": lambda: r("accumulate", a), "reduce": lambda: r("reduce", a),
                    "call": lambda: r(None, a, a)}[kind]()
            self.assertSame(want, np.asarray(got))


def ref_twice(x):
    return np.array([2 * np.uint16(v) - 1 for v in x])


if __name__ == "__main__":
    unittest.main()
