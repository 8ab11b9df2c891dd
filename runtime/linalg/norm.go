package linalg

import (
	"math"
	"slices"

	"github.com/pyc2go/pyc2go/runtime"
)

// Norms: numpy's linalg.norm, case by case in its order. The reductions
// are numpy's own (runtime.SumAxis sums in numpy's order, so ord=1 and
// the axis forms of the 2-norm are bit-identical); the default norm of a
// whole array is sqrt(x.dot(x)), a BLAS dot product whose summation order
// is OpenBLAS's, so that one (and the spectral and nuclear norms, through
// the SVD) agrees with numpy to rounding only.

// OrdKind says which of numpy's ord arguments an Ord is.
type OrdKind int

const (
	OrdNone OrdKind = iota // ord=None
	OrdNum                 // a number: Ord.P (inf, -inf, 0, 1, -1, 2, -2, or any other)
	OrdFro                 // 'fro' or 'f'
	OrdNuc                 // 'nuc'
	OrdStr                 // any other string (an error for both vectors and matrices)
)

// Ord is norm's ord argument.
type Ord struct {
	Kind OrdKind
	P    float64 // OrdNum's value
	Str  string  // the string as written, for the string kinds
}

// OrdOf maps a string ord to its Ord: "fro" and "f", "nuc", or another
// string that norm rejects with numpy's message.
func OrdOf(s string) Ord {
	switch s {
	case "fro", "f":
		return Ord{Kind: OrdFro, Str: s}
	case "nuc":
		return Ord{Kind: OrdNuc, Str: s}
	}
	return Ord{Kind: OrdStr, Str: s}
}

// OrdNumber is a numeric ord.
func OrdNumber(p float64) Ord { return Ord{Kind: OrdNum, P: p} }

func (o Ord) isNum(p float64) bool { return o.Kind == OrdNum && o.P == p }

// Norm is np.linalg.norm(x, ord, axis, keepdims) for float32, float64 or
// complex128 x (integer arrays are converted to float64 first, as numpy
// does). axis nil is axis=None; otherwise one or two axes (negative ones
// count from the end). The result is R, x's real type, with x's shape
// minus the reduced axes (or with them as 1 when keepdims): a 0-d array
// for a full reduction. The spectral and nuclear norms of complex
// matrices need a complex SVD, which the Go runtime lacks: they raise
// NotImplementedError (the compiler refuses them first).
func Norm[T Scalar, R Float](x *runtime.Array[T], ord Ord, axis []int, keepdims bool) (*runtime.Array[R], error) {
	mustRealOf[T, R]()
	nd := len(x.Shape)
	if axis == nil {
		if ord.Kind == OrdNone || (ord.Kind == OrdFro && nd == 2) || (ord.isNum(2) && nd == 1) {
			ret := runtime.Zeros[R]()
			// The dot product is rounded to R before its square root,
			// as numpy's float32 dot returns float32.
			ret.Data[0] = sqrtR(R(sqNorm(x)))
			if keepdims {
				ones := make([]int, nd)
				for i := range ones {
					ones[i] = 1
				}
				ret = ret.Reshape(ones...)
			}
			return ret, nil
		}
		axis = make([]int, nd)
		for i := range axis {
			axis[i] = i
		}
	}
	switch len(axis) {
	case 1:
		ax := axis[0]
		if ax < -nd || ax >= nd {
			return nil, errorf(AxisError, msgAxisFmt, ax, nd)
		}
		if ax < 0 {
			ax += nd
		}
		ret, err := vectorNorm[T, R](x, ord, ax)
		if err != nil {
			return nil, err
		}
		if keepdims {
			ret = ret.Reshape(keptShape(x.Shape, ax)...)
		}
		return ret, nil
	case 2:
		row, col := axis[0], axis[1]
		for _, a := range []int{row, col} {
			if a < -nd || a >= nd {
				return nil, errorf(AxisError, msgAxisFmt, a, nd)
			}
		}
		if row < 0 {
			row += nd
		}
		if col < 0 {
			col += nd
		}
		if row == col {
			return nil, errorf(runtime.ValueError, "%s", msgDupAxes)
		}
		ret, err := matrixNorm[T, R](x, ord, row, col)
		if err != nil {
			return nil, err
		}
		if keepdims {
			ret = ret.Reshape(keptShape(x.Shape, row, col)...)
		}
		return ret, nil
	}
	return nil, errorf(runtime.ValueError, "%s", msgNormDims)
}

// keptShape is shape with the axes set to 1 (keepdims).
func keptShape(shape []int, axes ...int) []int {
	s := slices.Clone(shape)
	for _, a := range axes {
		s[a] = 1
	}
	return s
}

// sqNorm is x.dot(x) (re.dot(re) + im.dot(im) for complex) in float64:
// BLAS's sum, so only the value, not the order, is numpy's.
func sqNorm[T Scalar](x *runtime.Array[T]) float64 {
	s := 0.0
	for _, v := range x.Flat() {
		switch v := any(v).(type) {
		case float64:
			s += v * v
		case float32:
			s += float64(v) * float64(v)
		case complex128:
			s += real(v)*real(v) + imag(v)*imag(v)
		}
	}
	return s
}

// mapR applies f to every element of x, giving a fresh C-contiguous
// array of R with x's shape.
func mapR[T Scalar, R Float](x *runtime.Array[T], f func(T) R) *runtime.Array[R] {
	flat := x.Flat()
	out := make([]R, len(flat))
	for i, v := range flat {
		out[i] = f(v)
	}
	return runtime.FromSlice(out, x.Shape...)
}

// absR is abs(x) as R: |v| for reals, npy_cabs (hypot) for complex.
func absR[T Scalar, R Float](v T) R {
	switch v := any(v).(type) {
	case float64:
		return R(math.Abs(v))
	case float32:
		return R(float32(math.Abs(float64(v))))
	case complex128:
		return R(runtime.ComplexAbs(v))
	}
	panic("unreachable")
}

// sqR is (x.conj() * x).real: re*re + im*im for complex (the same
// rounding: re*re - (-im)*im), x*x for reals, rounded to R.
func sqR[T Scalar, R Float](v T) R {
	switch v := any(v).(type) {
	case float64:
		return R(v * v)
	case float32:
		return R(v * v)
	case complex128:
		return R(real(v)*real(v) + imag(v)*imag(v))
	}
	panic("unreachable")
}

// vectorNorm is norm's one-axis branch.
func vectorNorm[T Scalar, R Float](x *runtime.Array[T], ord Ord, ax int) (*runtime.Array[R], error) {
	switch {
	case ord.isNum(math.Inf(1)):
		return extremeAxis(mapR(x, absR[T, R]), ax, true)
	case ord.isNum(math.Inf(-1)):
		return extremeAxis(mapR(x, absR[T, R]), ax, false)
	case ord.isNum(0):
		nz := mapR(x, func(v T) R {
			if v != 0 {
				return 1
			}
			return 0
		})
		return runtime.SumAxis(nz, ax), nil
	case ord.isNum(1):
		return runtime.SumAxis(mapR(x, absR[T, R]), ax), nil
	case ord.Kind == OrdNone || ord.isNum(2):
		s := runtime.SumAxis(mapR(x, sqR[T, R]), ax)
		for i, v := range s.Data {
			s.Data[i] = sqrtR(v)
		}
		return s, nil
	case ord.Kind != OrdNum:
		return nil, errorf(runtime.ValueError, msgVectorOrd, ord.Str)
	}
	p := ord.P
	absx := mapR(x, absR[T, R])
	for i, v := range absx.Data {
		absx.Data[i] = powR(v, R(p))
	}
	ret := runtime.SumAxis(absx, ax)
	rp := 1 / R(p) // reciprocal(ord, dtype=ret.dtype)
	for i, v := range ret.Data {
		ret.Data[i] = powR(v, rp)
	}
	return ret, nil
}

func sqrtR[R Float](v R) R { return R(math.Sqrt(float64(v))) }

// powR is numpy's power(x, p) for an array and a scalar exponent,
// including its fast paths (fast_scalar_power): p = -1 is reciprocal,
// 0 ones, 0.5 sqrt, 1 a copy, 2 square; otherwise libm's pow (powf for
// float32).
func powR[R Float](v, p R) R {
	switch p {
	case -1:
		return 1 / v
	case 0:
		return 1
	case 0.5:
		return sqrtR(v)
	case 1:
		return v
	case 2:
		return v * v
	}
	if _, f32 := any(v).(float32); f32 {
		return R(float32(math.Pow(float64(v), float64(p))))
	}
	return R(runtime.PowFloat(float64(v), float64(p)))
}

// extremeAxis is np.max (max true) or np.min along ax, NaN-propagating;
// an empty axis raises numpy's zero-size reduction error.
func extremeAxis[R Float](a *runtime.Array[R], ax int, max bool) (*runtime.Array[R], error) {
	if a.Shape[ax] == 0 {
		name := "minimum"
		if max {
			name = "maximum"
		}
		return nil, errorf(runtime.ValueError, msgEmptyReduce, name)
	}
	outer := 1
	for _, d := range a.Shape[:ax] {
		outer *= d
	}
	m := a.Shape[ax]
	inner := 1
	for _, d := range a.Shape[ax+1:] {
		inner *= d
	}
	out := runtime.Zeros[R](append(slices.Clone(a.Shape[:ax]), a.Shape[ax+1:]...)...)
	// a is a fresh C-contiguous array (mapR, SumAxis).
	d := a.Data[a.Offset:]
	for o := 0; o < outer; o++ {
		for i := 0; i < inner; i++ {
			r := d[o*m*inner+i]
			for j := 1; j < m; j++ {
				v := d[(o*m+j)*inner+i]
				switch {
				case r != r:
				case v != v:
					r = v
				case max && v > r, !max && v < r:
					r = v
				}
			}
			out.Data[o*inner+i] = r
		}
	}
	return out, nil
}

// matrixNorm is norm's two-axis branch.
func matrixNorm[T Scalar, R Float](x *runtime.Array[T], ord Ord, row, col int) (*runtime.Array[R], error) {
	switch {
	case ord.isNum(2), ord.isNum(-2), ord.Kind == OrdNuc:
		return svdNorm[T, R](x, ord, row, col)
	case ord.isNum(1), ord.isNum(-1):
		if col > row {
			col--
		}
		return extremeAxis(runtime.SumAxis(mapR(x, absR[T, R]), row), col, ord.P > 0)
	case ord.isNum(math.Inf(1)), ord.isNum(math.Inf(-1)):
		if row > col {
			row--
		}
		return extremeAxis(runtime.SumAxis(mapR(x, absR[T, R]), col), row, ord.P > 0)
	case ord.Kind == OrdNone || ord.Kind == OrdFro:
		s := sumTwoAxes(mapR(x, sqR[T, R]), row, col)
		for i, v := range s.Data {
			s.Data[i] = sqrtR(v)
		}
		return s, nil
	}
	return nil, errorf(runtime.ValueError, "%s", msgMatrixOrd)
}

// sumTwoAxes is np.add.reduce(s, axis=(row, col)) for a fresh
// C-contiguous s, in numpy's iterator order: adjacent axes merge into one
// (so the last two axes of a stack are one contiguous pairwise sum per
// matrix); otherwise the later axis is reduced first, then the earlier.
func sumTwoAxes[R Float](s *runtime.Array[R], row, col int) *runtime.Array[R] {
	lo, hi := min(row, col), max(row, col)
	if hi == lo+1 {
		merged := append(slices.Clone(s.Shape[:lo]), s.Shape[lo]*s.Shape[hi])
		merged = append(merged, s.Shape[hi+1:]...)
		return runtime.SumAxis(s.Reshape(merged...), lo)
	}
	return runtime.SumAxis(runtime.SumAxis(s, hi), lo)
}

// svdNorm is _multi_svd_norm: the singular values of the matrices in axes
// (row, col), reduced by max (ord 2), min (ord -2) or sum ('nuc').
func svdNorm[T Scalar, R Float](x *runtime.Array[T], ord Ord, row, col int) (*runtime.Array[R], error) {
	// moveaxis(x, (row, col), (-2, -1))
	perm := make([]int, 0, len(x.Shape))
	for k := range x.Shape {
		if k != row && k != col {
			perm = append(perm, k)
		}
	}
	perm = append(perm, row, col)
	var y *runtime.Array[R]
	switch xv := any(x).(type) {
	case *runtime.Array[complex128]:
		return nil, errorf("NotImplementedError", "pyc2go: the spectral and nuclear norms of complex matrices need a complex SVD, which the Go runtime lacks")
	default:
		y = mapR(transposeView(xv.(*runtime.Array[T]), perm), func(v T) R { return realOf[T, R](v) })
	}
	s, err := svdValues(y, msgSVDConv)
	if err != nil {
		return nil, err
	}
	last := len(s.Shape) - 1
	switch {
	case ord.Kind == OrdNuc:
		return runtime.SumAxis(s, last), nil
	default:
		return extremeAxis(s, last, ord.P > 0)
	}
}

// realOf converts a real T to R (x's own type: R is T here).
func realOf[T Scalar, R Float](v T) R {
	switch v := any(v).(type) {
	case float64:
		return R(v)
	case float32:
		return R(v)
	}
	panic("unreachable")
}

// transposeView is a.transpose(perm), a view.
func transposeView[T runtime.Elem](a *runtime.Array[T], perm []int) *runtime.Array[T] {
	v := &runtime.Array[T]{Data: a.Data, Offset: a.Offset, Shape: make([]int, len(perm)), Strides: make([]int, len(perm))}
	for i, p := range perm {
		v.Shape[i], v.Strides[i] = a.Shape[p], a.Strides[p]
	}
	return v
}
