"""What pyc2go.jit and pyc2go.vectorize say about what they cannot
compile: pyc2go's diagnostics at FILE:LINE:COL of the user's own file,
fallback=True, and the tools missing."""

import contextlib
import io
import re
import unittest
import warnings

import numpy as np

import error_kernels as e
import pyc2go
from common import python

_SRC = open(e.__file__, encoding="utf-8").read().splitlines()


def marked(func, n=0):
    """(line, col) of the n-th ERROR: marker in func's source: the first
    occurrence, on that line, of the text after the marker."""
    first = func.__code__.co_firstlineno
    hits = [(i + 1, ln) for i, ln in enumerate(_SRC) if i + 1 >= first and "# ERROR: " in ln]
    line, text = hits[n]
    what = text.split("# ERROR: ", 1)[1].strip()
    return line, text.index(what) + 1


class TestErrors(unittest.TestCase):
    def test_diagnostic_points_into_the_users_file(self):
        with self.assertRaises(pyc2go.CompileError) as cm:
            e.uses_dict(1)
        line, col = marked(e.uses_dict.py_func)
        err = cm.exception
        self.assertEqual([(d.file, d.line, d.col) for d in err.diagnostics], [(e.__file__, line, col)])
        self.assertIn("unsupported: dict", err.diagnostics[0].message)
        # The text is pyc2go's: position, message, the source line, a caret.
        lines = str(err).splitlines()
        self.assertEqual(lines[0], "%s:%d:%d: error: %s" % (e.__file__, line, col, err.diagnostics[0].message))
        self.assertEqual(lines[1], "    " + _SRC[line - 1])
        self.assertEqual(lines[2], "    " + " " * (col - 1) + "^")
        # The failure is remembered: the next call raises it again without
        # compiling.
        before = pyc2go.stats()["compiled"]["jit"]
        with self.assertRaises(pyc2go.CompileError):
            e.uses_dict(1)
        self.assertEqual(pyc2go.stats()["compiled"]["jit"], before)

    def test_callee_typed_from_its_calls(self):
        # An unannotated helper takes its types from the call in the
        # compiled function, as in any module pyc2go compiles.
        self.assertEqual(e.calls_helper(2.0), 4.0)
        self.assertEqual(e.calls_helper(3), 6)
        self.assertIs(type(e.calls_helper(3)), int)

    def test_fallback_warns_once(self):
        with warnings.catch_warnings(record=True) as w, contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("always")
            self.assertEqual(e.uses_dict_fallback(3), e.uses_dict_fallback.py_func(3))
            self.assertEqual(e.uses_dict_fallback(4), 8)
            self.assertEqual(e.uses_dict_fallback(2.5), 5.0)  # another signature: still no second warning
        self.assertEqual(len(w), 1)
        self.assertIs(w[0].category, pyc2go.FallbackWarning)
        self.assertEqual(w[0].filename, __file__)  # the warning names the caller
        line, col = marked(e.uses_dict_fallback.py_func)
        self.assertIn("%s:%d:%d: error: unsupported: dict" % (e.__file__, line, col), str(w[0].message))

    def test_arguments_without_a_pyc2go_type(self):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            self.assertEqual(e.total_fallback(np.arange(4.0)), 6.0)  # compiled
            self.assertEqual(e.total_fallback([1.0, 2.0]), 3.0)  # a list: the interpreter
        self.assertEqual(len(w), 1)
        self.assertIn("argument a of type list", str(w[0].message))
        self.assertEqual(e.total_fallback.signatures, [((np.dtype("float64"), 1),)])  # not the list
        strict = pyc2go.jit(e.total_fallback.py_func)
        with self.assertRaisesRegex(TypeError, "cannot compile total_fallback for argument a of type list"):
            strict([1.0])
        with self.assertRaisesRegex(TypeError, "argument a of type int64 array of ndim 0"):
            strict(np.array(3))

    def test_nested_function(self):
        inner = e.make_nested()
        with self.assertRaisesRegex(pyc2go.CompileError, r"^%s:%d:%d: error: pyc2go compiles module-level functions; inner is defined inside make_nested"
                                    % (re.escape(e.__file__), e.make_nested.__code__.co_firstlineno + 2, 5)):
            inner(1)

    def test_vectorize_errors(self):
        line = e.returns_array.__code__.co_firstlineno
        with self.assertRaisesRegex(pyc2go.CompileError, r"^%s:%d:1: error: vectorize: returns_array\(float64\) returns an array of float64"
                                    % (re.escape(e.__file__), line)):
            pyc2go.vectorize(["float64(float64)"])(e.returns_array)
        with self.assertRaisesRegex(TypeError, "has 2 inputs; returns_array takes 1"):
            pyc2go.vectorize(["float64(float64, float64)"])(e.returns_array)
        with self.assertRaisesRegex(pyc2go.CompileError, r"divides\(float64, float64\) returns float64, which does not cast to int64"):
            pyc2go.vectorize(["int64(float64, float64)"])(e.divides)
        with self.assertRaisesRegex(ValueError, "unknown type 'float65'"):
            pyc2go.vectorize(["float64(float64, float65)"])(e.divides)
        with self.assertRaisesRegex(ValueError, "no pyc2go scalar kind"):
            pyc2go.vectorize(["float16(float16, float16)"])(e.divides)

    def test_jit_usage(self):
        with self.assertRaisesRegex(TypeError, "takes a function"):
            pyc2go.jit(3)
        with self.assertRaisesRegex(TypeError, "compiles Python functions"):
            pyc2go.jit(len)

    def test_missing_tools(self):
        code = "import error_kernels as e, pyc2go\ntry:\n    pyc2go.jit(e.divides)(1.0, 2.0)\nexcept pyc2go.ToolchainError as x:\n    print(x)\n"
        out = python(code, env={"PYC2GO_BIN": "/nonexistent/pyc2go"})
        self.assertIn("no pyc2go binary (/nonexistent/pyc2go)", out)
        self.assertIn("PYC2GO_BIN", out)
        out = python(code, env={"CC": "no-such-cc"})
        self.assertIn("no C compiler 'no-such-cc'", out)


if __name__ == "__main__":
    unittest.main()
