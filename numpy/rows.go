package numpy

import (
	"math"
	"slices"

	"github.com/pyc2go/pyc2go/ir"
)

// The registry: one row per numpy name pyc2go supports, in the order the
// docs' table lists them. To add a function, see doc.go.

// Signatures shared by the ufuncs.
const (
	ufuncSig1 = "x, /, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True"
	ufuncSig2 = "x1, x2, /, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True"
)

// Faults shared by many rows.
var (
	faultBroadcast = Fault{"ValueError", "operands could not be broadcast together with shapes (%d,) (%d,) ", "the operands' shapes do not broadcast"}
	faultNegDim    = Fault{"ValueError", "negative dimensions are not allowed", "an extent is negative"}
	faultJoin      = Fault{"ValueError", "all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d", "the other extents differ"}
	faultStack     = Fault{"ValueError", "all input arrays must have the same shape", "the shapes differ"}
	faultNegPow    = Fault{"ValueError", "Integers to negative integer powers are not allowed.", "an integer is raised to a negative integer"}
)

// All is every operand class.
const All = Ints | Floats | Complexes

// u1 is a one-operand ufunc computed by an intrinsic (intr "" : lowered by
// name).
func u1(name, intr string, inexact Classes, doc string, aliases ...string) *Row {
	return &Row{Name: name, Aliases: aliases, Kind: Elementwise, Forms: Func, Sig: ufuncSig1, Type: ufunc1,
		Shape: ShapeOperand, Intrinsic: intr, Inexact: inexact, Example: "np." + name + "(a)", Doc: doc}
}

// u2 is a two-operand ufunc.
func u2(name, intr string, inexact Classes, doc string) *Row {
	return &Row{Name: name, Kind: Elementwise, Forms: Func, Sig: ufuncSig2, Type: ufunc2,
		Shape: ShapeBroadcast, Intrinsic: intr, Inexact: inexact, Raises: []Fault{faultBroadcast},
		Example: "np." + name + "(a, b)", Doc: doc}
}

// opU2 is a two-operand ufunc that is an operator (np.bitwise_and is &)
// of integers: its examples make int arrays.
func opU2(name, op, doc string) *Row {
	r := typed(ufuncOp(op), u2(name, "", 0, doc))
	r.Example = "np." + name + "(a.astype(np.int64), n)"
	r.Tests = []string{"np." + name + "(v.astype(np.int32), b.astype(np.int16))"}
	return r
}

// scalarType is a numpy scalar type.
func scalarType(name string, k ir.Scalar, code string, aliases ...string) *Row {
	doc := "the numpy scalar type (dtype \"" + code + "\"); np." + name + "(x) converts a number"
	return &Row{Name: name, Aliases: aliases, Kind: Type, Forms: Func, Sig: "x, /", Type: typeCall, Scalar: k, Code: code,
		Example: "np." + name + "(x)", Doc: doc}
}

// reduction is a row of the reductions (np.NAME and a.NAME).
func reduction(name, sig, accepts string, inexact, notYet Classes, doc string, raises ...Fault) *Row {
	return &Row{Name: name, Kind: Reduction, Forms: Func | Meth, Sig: sig, Accepts: accepts, Type: reduce,
		Inexact: inexact, NotYet: notYet, Raises: raises, Example: "np." + name + "(a, axis=0)", Doc: doc}
}

// notYet marks the operand classes a row does not compile yet.
func notYet(c Classes, r *Row) *Row {
	r.NotYet = c
	return r
}

// withExample gives a row another example.
func withExample(ex string, r *Row) *Row {
	r.Example = ex
	return r
}

// typed gives a row another type rule.
func typed(rule TypeRule, r *Row) *Row {
	r.Type = rule
	return r
}

func emptyFault(msg string) Fault {
	return Fault{"ValueError", msg, "the reduced axis (or the array) is empty"}
}

// allRows builds the table; index calls it once, on the first lookup, so
// no process pays for it at start.
func allRows() []*Row {
	return slices.Concat(append([]*Row{
		// Scalar types.
		scalarType("bool_", ir.Bool, "b1"),
		scalarType("int8", ir.Int8, "i1"),
		scalarType("int16", ir.Int16, "i2"),
		scalarType("int32", ir.Int32, "i4"),
		scalarType("int64", ir.Int64, "i8", "int_"),
		scalarType("uint8", ir.Uint8, "u1"),
		scalarType("uint16", ir.Uint16, "u2"),
		scalarType("uint32", ir.Uint32, "u4"),
		scalarType("uint64", ir.Uint64, "u8"),
		scalarType("float32", ir.Float32, "f4"),
		scalarType("float64", ir.Float64, "f8", "float_"),
		scalarType("complex64", ir.Complex64, "c8"),
		scalarType("complex128", ir.Complex128, "c16", "complex_"),

		// Array creation.
		{Name: "zeros", Kind: Creation, Forms: Func, Sig: "shape, dtype=float, order='C', *, like=None", Accepts: "dtype",
			Type: filled, Shape: ShapeExtents, Raises: []Fault{faultNegDim}, Example: "np.zeros((n, 3))",
			Doc: "an array of zeros; the shape is an int or a tuple of ints"},
		{Name: "ones", Kind: Creation, Forms: Func, Sig: "shape, dtype=None, order='C', *, like=None", Accepts: "dtype",
			Type: filled, Shape: ShapeExtents, Raises: []Fault{faultNegDim}, Example: "np.ones(n, dtype=np.int32)",
			Doc: "an array of ones"},
		{Name: "empty", Kind: Creation, Forms: Func, Sig: "shape, dtype=float, order='C', *, like=None", Accepts: "dtype",
			Type: filled, Shape: ShapeExtents, Raises: []Fault{faultNegDim}, Example: "np.empty((n, n))",
			Doc: "an array to be filled (pyc2go zeroes it)"},
		{Name: "full", Kind: Creation, Forms: Func, Sig: "shape, fill_value, dtype=None, order='C', *, like=None", Accepts: "dtype",
			Type: full, Shape: ShapeExtents, Raises: []Fault{faultNegDim}, Example: "np.full(n, 2.5)",
			Doc: "an array filled with a number; the dtype is the number's unless dtype= says"},
		{Name: "zeros_like", Kind: Creation, Forms: Func, Sig: "a, dtype=None, order='K', subok=True, shape=None", Accepts: "dtype",
			Type: like, Shape: ShapeOperand, Example: "np.zeros_like(a)", Doc: "zeros of a's shape and dtype"},
		{Name: "ones_like", Kind: Creation, Forms: Func, Sig: "a, dtype=None, order='K', subok=True, shape=None", Accepts: "dtype",
			Type: like, Shape: ShapeOperand, Example: "np.ones_like(a)", Doc: "ones of a's shape and dtype"},
		{Name: "empty_like", Kind: Creation, Forms: Func, Sig: "prototype, dtype=None, order='K', subok=True, shape=None", Accepts: "dtype",
			Type: like, Shape: ShapeOperand, Example: "np.empty_like(a)", Doc: "an array of a's shape and dtype (zeroed)"},
		{Name: "full_like", Kind: Creation, Forms: Func, Sig: "a, fill_value, dtype=None, order='K', subok=True, shape=None", Accepts: "dtype",
			Type: like, Shape: ShapeOperand, Example: "np.full_like(a, 7.0)", Doc: "a's shape and dtype, filled with a number"},
		{Name: "arange", Kind: Creation, Forms: Func, Sig: "start, stop=?, step=?, /, dtype=None, *, like=None", Accepts: "dtype",
			Type: arange, Shape: ShapeArange, Example: "np.arange(0.0, x, y)", Tests: []string{"np.arange(0, n, i)"},
			Raises: []Fault{{"ZeroDivisionError", "division by zero", "step is 0 (ints)"}, {"ZeroDivisionError", "float division by zero", "step is 0.0"},
				{"ValueError", "arange: cannot compute length", "the length is NaN or infinite"}},
			Doc: "evenly spaced values in [start, stop): int64 for int bounds, float64 if one is a float, numpy's fill rule"},
		{Name: "linspace", Kind: Creation, Forms: Func, Sig: "start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0", Accepts: "num endpoint dtype",
			Type: linspace, Shape: ShapeLinspace, Example: "np.linspace(0.0, x, n)",
			Raises: []Fault{{"ValueError", "Number of samples, %d, must be non-negative.", "num is negative"}},
			Doc:    "num evenly spaced float64 values from start to stop, computed as numpy 1.24 does"},
		{Name: "copy", Kind: Creation, Forms: Func | Meth, Sig: "a, order='K', subok=False", MethodSig: "order='C'",
			Type: copyOf, Shape: ShapeOperand, Example: "np.copy(a)", Doc: "a C-ordered copy (also a.copy())"},
		{Name: "array", Kind: Creation, Forms: Func, Sig: "object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0, like=None", Accepts: "dtype",
			Type: array, Shape: ShapeLiteral, Example: "np.array([[1.0, 2.0], [3.0, x]])",
			Doc: "an array from a (nested) list literal of numbers, or a copy of an array"},
		{Name: "eye", Kind: Creation, Forms: Func, Sig: "N, M=None, k=0, dtype=float, order='C', *, like=None", Accepts: "M k dtype",
			Type: eye, Shape: ShapeEye, Raises: []Fault{faultNegDim}, Example: "np.eye(n, k=1)",
			Doc: "an N x M matrix with ones on diagonal k"},
		{Name: "identity", Kind: Creation, Forms: Func, Sig: "n, dtype=None, *, like=None", Accepts: "dtype",
			Type: eye, Shape: ShapeEye, Raises: []Fault{faultNegDim}, Example: "np.identity(n)", Doc: "the n x n identity matrix"},

		// Elementwise.
		u1("sqrt", "sqrt", 0, "square root (correctly rounded, as numpy's)"),
		u1("exp", "exp", All, "e**x"),
		u1("log", "log", All, "natural logarithm"),
		u1("log2", "log2", All, "base-2 logarithm"),
		u1("log10", "log10", All, "base-10 logarithm"),
		u1("sin", "sin", All, "sine"),
		u1("cos", "cos", All, "cosine"),
		u1("tan", "tan", All, "tangent"),
		u1("arcsin", "asin", All, "inverse sine"),
		u1("arccos", "acos", All, "inverse cosine"),
		u1("arctan", "atan", All, "inverse tangent"),
		u1("sinh", "sinh", All, "hyperbolic sine"),
		u1("cosh", "cosh", All, "hyperbolic cosine"),
		u1("tanh", "tanh", All, "hyperbolic tangent"),
		u1("absolute", "abs", Complexes, "absolute value (|z| of a complex is a float)", "abs"),
		u1("floor", "floor", 0, "round down, as a float"),
		u1("ceil", "ceil", 0, "round up, as a float"),
		u1("trunc", "trunc", 0, "round toward zero, as a float"),
		u1("rint", "", 0, "round half to even, as a float"),
		notYet(Complexes, u1("sign", "", 0, "-1, 0 or 1 (NaN for NaN)")),
		u1("square", "", 0, "x*x"),
		u1("negative", "", 0, "-x"),
		u1("isnan", "isnan", 0, "x is NaN"),
		u1("isinf", "isinf", 0, "x is infinite"),
		u1("isfinite", "isfinite", 0, "x is neither infinite nor NaN"),
		u1("logical_not", "", 0, "not x, elementwise"),
		u1("conjugate", "", 0, "the complex conjugate (a real number itself)", "conj"),
		withExample("np.invert(a.astype(np.int8))", typed(ufuncOp("~"), u1("invert", "", 0, "bitwise not of ints, logical not of bools (the ~ operator)", "bitwise_not"))),
		opU2("bitwise_and", "&", "x1 & x2 of ints or bools"),
		opU2("bitwise_or", "|", "x1 | x2 of ints or bools"),
		opU2("bitwise_xor", "^", "x1 ^ x2 of ints or bools"),
		opU2("left_shift", "<<", "x1 << x2 of ints (numpy: a count of the width or more gives 0)"),
		opU2("right_shift", ">>", "x1 >> x2 of ints (numpy: sign fill past the width)"),
		u2("arctan2", "atan2", All, "the angle of (x2, x1)"),
		u2("hypot", "hypot", All, "sqrt(x1**2 + x2**2) without overflow"),
		notYet(Complexes, u2("minimum", "", 0, "the smaller element; a NaN of either operand propagates")),
		notYet(Complexes, u2("maximum", "", 0, "the larger element; a NaN of either operand propagates")),
		notYet(Complexes, u2("fmin", "", 0, "the smaller element, ignoring a NaN operand")),
		notYet(Complexes, u2("fmax", "", 0, "the larger element, ignoring a NaN operand")),
		{Name: "power", Kind: Elementwise, Forms: Func, Sig: ufuncSig2, Type: ufunc2, Shape: ShapeBroadcast,
			Inexact: Floats | Complexes, Raises: []Fault{faultBroadcast, faultNegPow}, Example: "np.power(a, b)",
			Doc: "x1 ** x2 with numpy's rules (no ZeroDivisionError; integers wrap)"},
		u2("logical_and", "", 0, "x1 and x2, elementwise"),
		u2("logical_or", "", 0, "x1 or x2, elementwise"),
		{Name: "where", Kind: Elementwise, Forms: Func, Sig: "condition, x, y, /", Type: where, Shape: ShapeBroadcast,
			Raises: []Fault{faultBroadcast}, Example: "np.where(a > 0.0, b, 0.0)",
			Doc: "x where condition is true, else y; np.where(condition) alone is np.nonzero(condition)"},
		{Name: "clip", Kind: Elementwise, Forms: Func, Sig: "a, a_min, a_max, out=None", Type: clip, Shape: ShapeClip, NotYet: Complexes,
			Raises: []Fault{faultBroadcast}, Example: "np.clip(a, v, 1.0)",
			Doc: "a limited to [a_min, a_max], as numpy 1.24 orders the comparisons (NaN stays NaN)"},
		{Name: "round", Aliases: []string{"around"}, Kind: Elementwise, Forms: Func, Sig: "a, decimals=0, out=None", Accepts: "decimals",
			Type: round, Shape: ShapeOperand, Example: "np.round(a, 2)",
			Doc: "round half to even at a constant number of decimals, numpy's way (x * 10**d, rint, / 10**d)"},

		// Reductions.
		reduction("sum", "a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>", "axis keepdims", 0, 0,
			"the sum (floats pairwise, bit for bit as numpy)"),
		reduction("prod", "a, axis=None, dtype=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>", "axis keepdims", Complexes, 0,
			"the product, in numpy's order"),
		reduction("min", "a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>", "axis keepdims", 0, Complexes,
			"the smallest element (NaN if any is NaN)", emptyFault("zero-size array to reduction operation minimum which has no identity")),
		reduction("max", "a, axis=None, out=None, keepdims=<no value>, initial=<no value>, where=<no value>", "axis keepdims", 0, Complexes,
			"the largest element (NaN if any is NaN)", emptyFault("zero-size array to reduction operation maximum which has no identity")),
		reduction("mean", "a, axis=None, dtype=None, out=None, keepdims=<no value>, *, where=<no value>", "axis keepdims", 0, Complexes,
			"the mean: the pairwise sum over the count (NaN for no elements)"),
		reduction("std", "a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>", "axis ddof keepdims", 0, Complexes,
			"the standard deviation, as numpy's _var computes it"),
		reduction("var", "a, axis=None, dtype=None, out=None, ddof=0, keepdims=<no value>, *, where=<no value>", "axis ddof keepdims", 0, Complexes,
			"the variance, as numpy's _var computes it"),
		reduction("argmin", "a, axis=None, out=None, *, keepdims=<no value>", "axis", 0, Complexes,
			"the index of the first smallest element (of the first NaN)", emptyFault("attempt to get argmin of an empty sequence")),
		reduction("argmax", "a, axis=None, out=None, *, keepdims=<no value>", "axis", 0, Complexes,
			"the index of the first largest element (of the first NaN)", emptyFault("attempt to get argmax of an empty sequence")),
		reduction("any", "a, axis=None, out=None, keepdims=<no value>, *, where=<no value>", "axis keepdims", 0, 0,
			"whether some element is true"),
		reduction("all", "a, axis=None, out=None, keepdims=<no value>, *, where=<no value>", "axis keepdims", 0, 0,
			"whether every element is true"),
		typed(scan, reduction("cumsum", "a, axis=None, dtype=None, out=None", "axis", 0, 0,
			"running sums (of the flattened array without axis=)")),
		typed(scan, reduction("cumprod", "a, axis=None, dtype=None, out=None", "axis", 0, 0,
			"running products (of the flattened array without axis=)")),

		// Products.
		{Name: "dot", Kind: Product, Forms: Func, Sig: "a, b, out=None", Type: product, Inexact: Floats | Complexes,
			Raises:  []Fault{{"ValueError", "shapes (%d,%d) and (%d,) not aligned: %d (dim 1) != %d (dim 0)", "the contracted extents differ"}},
			Example: "np.dot(a, b)", Doc: "1-d · 1-d, 2-d · 1-d, 2-d · 2-d and N-d · M-d (a scalar operand multiplies); floats summed in k order, not BLAS's"},
		{Name: "matmul", Kind: Product, Forms: Func, Sig: ufuncSig2, Type: product, Inexact: Floats | Complexes,
			Raises:  []Fault{{"ValueError", "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size %d is different from %d)", "the contracted extents differ"}},
			Example: "np.matmul(a, b)", Doc: "a @ b for ranks 1 and 2, and stacks of matrices (ranks 2 to 4; the stacks broadcast; a vector with a stack is not supported yet)"},
		{Name: "outer", Kind: Product, Forms: Func, Sig: "a, b, out=None", Type: product,
			Example: "np.outer(v, v)", Doc: "every product a[i] * b[j] of the flattened operands"},

		// np.linalg (rows_linalg.go).
	}, linalgRows()...), []*Row{
		// Other array methods.
		{Name: "astype", Kind: Method, Forms: Meth, Sig: "dtype, order='K', casting='unsafe', subok=True, copy=True",
			Type: astype, Example: "a.astype(np.float32)", Doc: "a converted copy (casting like numpy: unsafe)"},
		{Name: "reshape", Kind: Method, Forms: Meth, Sig: "*shape, order='C'", Type: reshape,
			Raises: []Fault{{"ValueError", "cannot reshape array of size %d into shape (%d,%d)", "the sizes differ"},
				{"ValueError", "can only specify one unknown dimension", "two extents are negative"}},
			Example: "a.reshape(n, -1)", Doc: "a view with a new shape when a is C-contiguous, else a reshaped copy; one extent may be -1"},
		{Name: "transpose", Kind: Manipulation, Forms: Func | Meth, Sig: "a, axes=?", MethodSig: "*axes", Type: transpose,
			Example: "np.transpose(a, (1, 0))", Tests: []string{"a.transpose()", "a.transpose(1, 0)", "np.transpose(v)", "a.transpose((-1, 0))"},
			Doc: "a view with the axes permuted by constant axes (reversed when omitted), as a.T"},
		{Name: "ravel", Kind: Method, Forms: Meth, Sig: "order='C'", Type: flat, Example: "a.ravel()",
			Doc: "a 1-d view when a is C-contiguous, else a flattened copy"},
		{Name: "flatten", Kind: Method, Forms: Meth, Sig: "order='C'", Type: flat, Example: "a.flatten()",
			Doc: "a flattened 1-d copy"},
		{Name: "fill", Kind: Method, Forms: Meth, Sig: "value", Type: fill, Example: "a.fill(x)",
			Doc: "sets every element (a statement: it returns None)"},

		// Array attributes.
		{Name: "shape", Kind: Attribute, Attr: attrShape, Example: "a.shape", Doc: "a tuple of ints (r, c = a.shape unpacks it)"},
		{Name: "ndim", Kind: Attribute, Attr: attrInt, Example: "a.ndim", Doc: "the rank, a constant"},
		{Name: "size", Kind: Attribute, Attr: attrInt, Example: "a.size", Doc: "the number of elements"},
		{Name: "T", Kind: Attribute, Attr: attrT, Example: "a.T", Doc: "the transposed view"},
		{Name: "real", Kind: Attribute, Attr: attrPart, Example: "a.real * x",
			Doc: "the real parts (a real array: the array itself); read only, as an operand: binding the parts of a complex array to a name or storing into them is not supported yet"},
		{Name: "imag", Kind: Attribute, Attr: attrPart, Example: "a.imag + x",
			Doc: "the imaginary parts (zeros for a real array); read only, as an operand, like real"},
		{Name: "dtype", Kind: Attribute, Attr: attrDtype, Example: "a.astype(b.dtype)",
			Doc: "only as a dtype= argument or astype's argument"},

		// Array manipulation.
		{Name: "diff", Kind: Manipulation, Forms: Func, Sig: "a, n=1, axis=-1, prepend=<no value>, append=<no value>", Accepts: "n axis",
			Type: diff, Example: "np.diff(a, axis=0)", Tests: []string{"np.diff(v, 2)", "np.diff(v > 0.0)"},
			Doc: "differences of neighbours along axis (n times, n a constant); bool arrays give a != neighbour"},

		{Name: "concatenate", Kind: Manipulation, Forms: Func, Sig: "arrays, /, axis=0, out=None, *, dtype=None, casting='same_kind'", Accepts: "axis dtype",
			Type: joinRule, Example: "np.concatenate((a, b), axis=1)", Tests: []string{"np.concatenate([v, v, v])"},
			Raises: []Fault{faultJoin}, Doc: "the arrays of a tuple or list display joined along a constant axis (the promoted dtype)"},
		{Name: "stack", Kind: Manipulation, Forms: Func, Sig: "arrays, axis=0, out=None, *, dtype=None, casting='same_kind'", Accepts: "axis dtype",
			Type: joinRule, Example: "np.stack((a, b), axis=2)", Tests: []string{"np.stack([v, v])"},
			Raises: []Fault{faultStack}, Doc: "arrays of one shape joined along a new constant axis"},
		{Name: "hstack", Kind: Manipulation, Forms: Func, Sig: "tup, *, dtype=None, casting='same_kind'", Accepts: "dtype",
			Type: joinRule, Example: "np.hstack((a, b))", Tests: []string{"np.hstack([v, v])"},
			Raises: []Fault{faultJoin}, Doc: "concatenate along axis 1 (axis 0 for 1-d arrays)"},
		{Name: "vstack", Kind: Manipulation, Forms: Func, Sig: "tup, *, dtype=None, casting='same_kind'", Accepts: "dtype",
			Type: joinRule, Example: "np.vstack((a, b))", Tests: []string{"np.vstack([v, v])"},
			Raises: []Fault{faultJoin}, Doc: "concatenate along axis 0, 1-d arrays as rows"},

		{Name: "roll", Kind: Manipulation, Forms: Func, Sig: "a, shift, axis=None", Accepts: "axis",
			Type: rearrange, Example: "np.roll(a, n, axis=1)", Tests: []string{"np.roll(a, -2)", "np.roll(v, i)"},
			Doc: "elements shifted cyclically by an int along a constant axis (of the flattened array without axis=)"},
		{Name: "repeat", Kind: Manipulation, Forms: Func | Meth, Sig: "a, repeats, axis=None", Accepts: "axis",
			Type: rearrange, Example: "np.repeat(a, n, axis=0)", Tests: []string{"a.repeat(3)", "np.repeat(v, i)"},
			Raises: []Fault{faultNegDim}, Doc: "each element repeated an int number of times along a constant axis (flattened without axis=)"},
		{Name: "tile", Kind: Manipulation, Forms: Func, Sig: "A, reps", Type: rearrange,
			Example: "np.tile(a, n)", Tests: []string{"np.tile(v, 3)"}, Raises: []Fault{faultNegDim},
			Doc: "the array repeated an int number of times along its last axis (tuple reps are not supported yet)"},

		// Constants.
		{Name: "pi", Kind: Constant, Value: math.Pi, Example: "np.pi", Doc: "π"},
		{Name: "e", Kind: Constant, Value: math.E, Example: "np.e", Doc: "Euler's number"},
		{Name: "euler_gamma", Kind: Constant, Value: 0.5772156649015329, Example: "np.euler_gamma", Doc: "the Euler-Mascheroni constant"},
		{Name: "inf", Kind: Constant, Value: math.Inf(1), Example: "np.inf", Doc: "positive infinity"},
		{Name: "nan", Kind: Constant, Value: math.NaN(), Example: "np.nan", Doc: "not a number"},
	}, indexRows())
}
