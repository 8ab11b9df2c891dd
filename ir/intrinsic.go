package ir

import "sort"

// IntrinsicInfo describes one intrinsic: a pure function with Python's
// semantics that emitters map to their runtime. Intrinsics are polymorphic
// over the scalar kinds listed in Doc; the node's T is the result type.
type IntrinsicInfo struct {
	Name  string
	Arity int
	// Exact reports that every emitter computes the same bits as CPython
	// for every input. Inexact ones (transcendental functions) go through a
	// libm that is not CPython's glibc libm in the Go backend; verify
	// compares results of functions that use them with a tolerance.
	Exact bool
	Doc   string
}

var intrinsicList = []IntrinsicInfo{
	{"abs", 1, true, "abs(x): int (wraps at MinInt64), float (fabs); complex -> float uses cabs"},
	{"cabs", 1, false, "abs(z) of a complex: hypot of the parts, CPython rules for inf/nan"},
	{"floordiv", 2, true, "Python x // y on ints and floats; y != 0 checked before"},
	{"mod", 2, true, "Python x % y on ints and floats (sign of y); y != 0 checked before"},
	{"truediv", 2, true, "int / int -> float, correctly rounded as CPython's int.__truediv__; y != 0 checked before"},
	{"pow", 2, false, "x ** y: ints (y >= 0 checked before, wraps), floats (C pow; 0.0 ** neg and neg ** fraction checked before), complex (CPython _Py_c_pow)"},
	{"powi", 2, true, "int ** int with y >= 0, wrapping int64"},
	{"min", 2, true, "Python min(x, y): y if y < x else x (keeps x on ties and NaN)"},
	{"max", 2, true, "Python max(x, y): y if y > x else x"},
	{"sqrt", 1, true, "math.sqrt on floats (correctly rounded); cmath.sqrt on complex"},
	{"exp", 1, false, "math.exp / cmath.exp"},
	{"expm1", 1, false, "math.expm1"},
	{"exp2", 1, false, "math.exp2"},
	{"log", 1, false, "math.log / cmath.log (natural)"},
	{"logb", 2, false, "math.log(x, base)"},
	{"log1p", 1, false, "math.log1p"},
	{"log2", 1, false, "math.log2"},
	{"log10", 1, false, "math.log10"},
	{"sin", 1, false, "math.sin"},
	{"cos", 1, false, "math.cos"},
	{"tan", 1, false, "math.tan"},
	{"asin", 1, false, "math.asin"},
	{"acos", 1, false, "math.acos"},
	{"atan", 1, false, "math.atan"},
	{"atan2", 2, false, "math.atan2(y, x)"},
	{"sinh", 1, false, "math.sinh"},
	{"cosh", 1, false, "math.cosh"},
	{"tanh", 1, false, "math.tanh"},
	{"asinh", 1, false, "math.asinh"},
	{"acosh", 1, false, "math.acosh"},
	{"atanh", 1, false, "math.atanh"},
	{"erf", 1, false, "math.erf"},
	{"erfc", 1, false, "math.erfc"},
	{"gamma", 1, false, "math.gamma"},
	{"lgamma", 1, false, "math.lgamma"},
	{"cbrt", 1, false, "math.cbrt"},
	{"hypot", 2, false, "math.hypot(x, y)"},
	{"fmod", 2, true, "math.fmod (C fmod)"},
	{"copysign", 2, true, "math.copysign"},
	{"floor", 1, true, "floor of a float, as a float (math.floor then ftoi gives Python's int)"},
	{"ceil", 1, true, "ceil of a float, as a float"},
	{"trunc", 1, true, "truncation of a float, as a float"},
	{"roundeven", 1, true, "round half to even of a float, as a float (Python round(x))"},
	{"round", 2, true, "Python round(x, ndigits) for float x (correctly rounded) or int x"},
	{"isnan", 1, true, "math.isnan"},
	{"isinf", 1, true, "math.isinf"},
	{"isfinite", 1, true, "math.isfinite"},
	{"ftoi", 1, true, "float -> int64 truncation; ftoi_ok checked before"},
	{"ftoi_ok", 1, true, "float is finite and its truncation fits int64"},
	{"degrees", 1, true, "math.degrees: x * (180/pi)"},
	{"radians", 1, true, "math.radians: x * (pi/180)"},
	{"gcd", 2, true, "math.gcd on ints (non-negative result)"},
	{"factorial", 1, true, "math.factorial, 0 <= n <= 20 checked before"},
	{"isclose", 4, true, "math.isclose(a, b, rel_tol, abs_tol)"},
	{"real", 1, true, "z.real"},
	{"imag", 1, true, "z.imag"},
	{"conj", 1, true, "z.conjugate()"},
	{"complex", 2, true, "complex(re, im) from two floats"},
	{"domain_err", 2, true, "domain_err(x, r): r is NaN from a non-NaN x (CPython math_1 ValueError)"},
	{"range_err", 2, true, "range_err(x, r): r is infinite from a finite x (CPython math_1 OverflowError)"},
	// Arrays (lower/array.go). Bounds of a slice follow CPython's
	// PySlice_AdjustIndices, which numpy uses for every slice of an axis.
	{"slice_adjust", 3, true, "slice_adjust(n, x, step): one given slice bound x (start or stop) of an axis of length n, adjusted as CPython's PySlice_AdjustIndices does: x < 0 becomes x + n, then clamped to [0, n] when step > 0 or to [-1, n-1] when step < 0; step != 0 checked before"},
	{"slice_len", 3, true, "slice_len(start, stop, step): the number of elements of an adjusted slice: (stop-start-1)//step + 1 when step > 0 and start < stop, (stop-start+1)//step + 1 when step < 0 and stop < start, else 0 (CPython's slicelength)"},
	{"overlaps", 2, true, "overlaps(dst, src) bool on two arrays of one element type: src may read an element an elementwise loop writing dst has already written, i.e. they share one data buffer, their element ranges [min offset, max offset] intersect, and src is not exactly the same view as dst (same offset, shape and strides; a same view is safe elementwise, as numpy's overlap rule). Conservative: true is always safe"},
	{"may_share", 2, true, "may_share(a, b) bool on two arrays of one element type: their element ranges [lowest, highest address] intersect, so a write through one may be seen through the other (np.may_share_memory; unlike overlaps, the same view counts). Loop-nest passes that reorder accesses version on it (runtime.MayShare). Conservative: true is always safe"},
	{"is_c_contig", 1, true, "is_c_contig(a) bool: a's elements are laid out in C order with unit innermost stride, so a reshape can be a view (numpy's C_CONTIGUOUS flag: extents of 1 and empty arrays impose no stride; runtime Array.IsCContiguous)"},
	{"np_sum", 1, true, "np.sum(a) of a float or complex array with axis=None: numpy 1.24's pairwise summation over the array in C order (runtime.SumFloat), bit for bit; result has the element type"},
	{"np_zeros_k", 2, true, "np_zeros_k(x, y) of two arrays (any element types; the same array twice for a one-operand expression): a fresh zeroed array of the intrinsic's array type whose shape is x's and y's broadcast shape (checked before), laid out in the order numpy 1.24 lays out a ufunc output of operands x and y (K order, runtime.ZerosLayout2: axes by decreasing |stride|, C order on conflicts), so np.sum of an expression over transposed views sums its temporary in numpy's order"},
	{"np_matmul", 2, false, "np_matmul(a, b) of two 2-d float32 or float64 arrays of one element type whose inner extents agree (checked before): a @ b as numpy computes it, through BLAS gemm (Go: runtime/linalg.Product on gonum; C: pyc2go_linalg_matmul_T on CBLAS, numpy's own calls), a fresh C-contiguous array of the intrinsic's type. Inexact: BLAS sums in its own order (blocking, SIMD lanes, FMA), as numpy's does, so results agree with numpy to rounding (bit for bit in C when numpy links the same OpenBLAS)"},
	{"np_sum_axis", 2, true, "np_sum_axis(a, k) of a float or complex array and a constant axis k: np.sum(a, axis=k) as numpy 1.24 orders it (runtime.SumAxis: pairwise along a contiguous reduced axis, left to right otherwise); the result, a fresh array of a's shape without axis k, has the intrinsic's array type"},
	// Parallel loops (opt/chunk.go): the cut of a loop into chunks, a
	// function of the trip count and the grain only, never of the thread
	// count, so that partials fold to the same bits everywhere.
	{"trip_count", 3, true, "trip_count(start, stop, step): the number of iterations of range(start, stop, step), step != 0, computed without overflow (runtime.TripCount, pyc2go_trip_count)"},
	{"chunks", 2, true, "chunks(n, grain): how many chunks n iterations make, given the least number worth a chunk: 0 for n <= 0, 1 for fewer than 2*grain, else n/grain capped at MaxChunks (runtime.Chunks, pyc2go_chunks)"},
	{"chunk_lo", 3, true, "chunk_lo(n, nc, c): the first iteration of chunk c of the nc contiguous chunks of [0, n); the first n%nc chunks have one iteration more (runtime.ChunkLo, pyc2go_chunk_lo)"},
	{"chunk_hi", 3, true, "chunk_hi(n, nc, c): one past the last iteration of chunk c of the nc chunks of [0, n) (runtime.ChunkHi, pyc2go_chunk_hi)"},
	// Optional arrays (lower/values.go): a variable of an array type
	// marked Nullable may hold no array, Python's None.
	{"none", 0, true, "none() of an array type: no array, the None of an optional array (Go nil, C a zeroed descriptor); only assigned to, passed as or returned for a Nullable array variable"},
	{"is_none", 1, true, "is_none(a) bool of a Nullable array variable: a holds no array (x is None)"},
	// Lists (ir.List, lower/list.go): a list variable has value
	// semantics in the IR; every operation that changes a list is a
	// library call assigning the list variable, so these reads move only
	// where the variable keeps its value.
	{"list_len", 1, true, "list_len(l) int64: the number of elements of list l"},
	{"list_get", 2, true, "list_get(l, i): element i of list l, 0 <= i < len(l) checked before"},
	// Products (lower/product.go).
	{"blas_add", 2, false, "blas_add(acc, term) = acc + term on floats or complex numbers: one step of the accumulation of a float or complex np.dot / np.matmul / @. numpy hands these products to BLAS (OpenBLAS), whose summation order (blocking, SIMD lanes, FMA) is its own, so the compiled k-order sum is not bit-identical to numpy's in general: the intrinsic is inexact, which makes verify compare every function that (transitively) computes such a product with a tolerance. Integer products accumulate with Add and stay exact"},
	{"np_prod", 1, true, "np.prod(a) of a float array with axis=None: the running product in numpy 1.24's iterator order (runtime.ProdFloat: memory order for C-contiguous arrays and 1-d views, axes by decreasing |stride| otherwise), bit for bit; result has the element type"},
	// numpy 1.24 multiplies complex reductions in AVX-512F SIMD lanes on
	// CPUs that have it (another association than the running product),
	// and with the scalar running product elsewhere: complex np.prod
	// matches numpy bit for bit only on the latter, hence inexact.
	{"np_cprod", 1, false, "np.prod(a) of a complex array with axis=None: np_prod's running product in numpy's iterator order (runtime.ProdComplex), which is numpy's result bit for bit except where numpy 1.24 takes its AVX-512F complex reduction (another association): inexact, so verify compares with a tolerance; result has the element type"},
	{"cprod_mul", 2, false, "cprod_mul(acc, x) = acc * x on complex numbers (CPython's multiplication): one step of a complex np.prod's running product, inexact for the reason np_cprod is"},
	{"np_mean", 1, true, "np.mean(a) of a float array with axis=None: np.sum(a) / a.size as numpy computes it (runtime.MeanFloat); nan for an empty array (numpy warns); result has the element type"},
}

var intrinsics = func() map[string]*IntrinsicInfo {
	m := make(map[string]*IntrinsicInfo, len(intrinsicList))
	for i := range intrinsicList {
		m[intrinsicList[i].Name] = &intrinsicList[i]
	}
	return m
}()

// LookupIntrinsic returns the description of the named intrinsic, or nil.
func LookupIntrinsic(name string) *IntrinsicInfo { return intrinsics[name] }

// IntrinsicNames lists every intrinsic, sorted; emitters test that they map
// each one.
func IntrinsicNames() []string {
	names := make([]string, 0, len(intrinsicList))
	for _, in := range intrinsicList {
		names = append(names, in.Name)
	}
	sort.Strings(names)
	return names
}

// intrinsicResult is the result type the text form (Print, Parse) assumes
// for an intrinsic with these arguments, so that it can leave the type
// out: the type of the first argument, except for the intrinsics below.
// Print spells out any other result type, so a missing or wrong rule
// costs only brevity, never exactness. Invalid means no rule.
func intrinsicResult(name string, args []Expr) Type {
	if len(args) == 0 {
		return Invalid
	}
	t := args[0].Type()
	switch name {
	case "isnan", "isinf", "isfinite", "ftoi_ok", "domain_err", "range_err",
		"overlaps", "may_share", "is_c_contig", "isclose":
		return Bool
	case "ftoi", "slice_adjust", "slice_len", "trip_count", "chunks", "chunk_lo", "chunk_hi":
		return Int64
	case "truediv":
		return Float64
	case "cabs", "real", "imag":
		switch t {
		case Complex64:
			return Float32
		case Complex128:
			return Float64
		}
		return Invalid
	case "complex":
		switch t {
		case Float32:
			return Complex64
		case Float64:
			return Complex128
		}
		return Invalid
	case "np_sum", "np_prod", "np_cprod", "np_mean":
		if a, ok := t.(*Array); ok {
			return a.Elem
		}
		return Invalid
	case "np_sum_axis":
		// A fresh C-contiguous array without the summed axis.
		if a, ok := t.(*Array); ok && a.Rank > 1 {
			return &Array{Elem: a.Elem, Rank: a.Rank - 1, Contig: true}
		}
		return Invalid
	}
	if s, ok := t.(Scalar); ok {
		return s
	}
	return Invalid
}
