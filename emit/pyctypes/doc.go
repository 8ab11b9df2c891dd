// Package pyctypes prints the Python side of `pyc2go compile --lang
// python`: a module (kernels_native.py) that loads the shared library
// built from emit/c's output with ctypes and gives every public function
// of the kernel file back to Python under its own name and signature.
//
// What comes in: an ir.Module and a Config (the C symbol prefix, the
// library's file name). What goes out: the module's Python source,
// deterministic (no timestamps, versions or directories). It prints IR
// only: names, parameter types, defaults and keyword-only markers
// (ir.Func.PyName, Defaults, KwOnly), result types and docstrings all come
// from the IR. The generated code imports ctypes and numpy and nothing
// else at run time; no Python headers are needed to build it.
//
// # The ABI it calls (runtime/c/pyc2go.h)
//
//	int PREFIX_FUNC(params..., RESULT *out..., pyc2go_error *err)
//
// Scalars go by value (int -> int64_t, float -> double, complex -> double
// _Complex, which the x86-64 SysV ABI passes like a struct of two doubles,
// so a two-field ctypes Structure stands in for it); arrays as pointers to
// pyc2go_array_DTYPE, whose layout is the same for every dtype (one
// _p2g_Array class serves all); results through one out-pointer per tuple
// element (none for None). A nonzero status means *err holds the Python
// exception class name and message.
//
// # Behaviour of the generated functions
//
// Arguments: arrays are passed without copying: the data pointer of
// element [0, ..., 0] and the shape and strides (converted from bytes to
// elements) go straight to C, so in-place kernels write into the caller's
// array and negative or non-unit strides work. The dtype (native byte
// order) and ndim must match the annotation exactly, else TypeError; a
// stride that is not a multiple of the item size, a misaligned array, or an
// array annotated C-contiguous ("float64[:, ::1]") whose last axis is not,
// raises ValueError rather than copying, since a copy would lose the
// writes of an in-place kernel. An array the compiled code may write
// (every array parameter opt's readonly pass did not mark ir.Var.ReadOnly)
// must be writeable, else ValueError("assignment
// destination is read-only"), numpy's message. Scalars convert as the
// annotation says (numbers.Integral for int kinds, with an OverflowError
// outside the kind's range; numbers.Real for floats; numbers.Complex for
// complex;
// bool or numpy.bool_ for bool).
//
// Results: Python scalars of the annotated kind (int, float, bool,
// complex; numpy scalars for the sized kinds); arrays as numpy arrays
// over the C memory without a copy. A result that owns its block (owner
// set) frees it, through the runtime's free function, when the last numpy
// array using it is collected (results of one call sharing a block share
// its lifetime); a result that borrows (owner NULL: a view of an argument
// or of an earlier result of the same call) keeps the arguments and that
// call's blocks alive, and a result that is exactly an argument (same
// address, shape, strides) is that argument object, as in Python.
//
// Errors: the exception is the builtin class the C side names (or
// numpy's, for numpy.linalg.LinAlgError and numpy.AxisError), with its
// message, so `except ZeroDivisionError` and str(e) behave as with the
// original; an unknown class becomes RuntimeError("NAME: message").
//
// Overloads (`#pythran export` with several signatures, IR functions
// f, f_2, ... of PyName f) become one Python function f that picks the
// first overload whose parameter types the arguments match exactly (int
// for int, numpy.float32 for float32, ...), else the first they convert
// to, else raises TypeError naming the compiled signatures.
package pyctypes
