package linalg

import (
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"
)

// LU-based functions: solve, inv, det, slogdet. numpy calls LAPACK's
// gesv (getrf + getrs) for solve and for inv (solving against the
// identity, not getri), and getrf for det and slogdet; so does this file,
// through gonum's row-major port of LAPACK for real matrices and zgetf2's
// algorithm (partial pivoting on |re|+|im|) for complex ones. A matrix is
// singular exactly when getrf meets a zero pivot, as in LAPACK.

// impl is gonum's pure-Go LAPACK (row-major).
var impl gonum.Implementation

// Solve is np.linalg.solve(a, b): a is (..., M, M); b is (..., M) when it
// has exactly one axis fewer than a, else (..., M, K); leading axes
// broadcast. A singular matrix raises LinAlgError("Singular matrix").
func Solve[T Scalar](a, b *runtime.Array[T]) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	n := a.Shape[len(a.Shape)-1]
	vec := len(b.Shape) == len(a.Shape)-1
	name, sig, core := "solve", "(m,m),(m,n)->(m,n)", 2
	if vec {
		name, sig, core = "solve1", "(m,m),(m)->(m)", 1
	}
	if len(b.Shape) < core {
		return nil, errorf(runtime.ValueError, "%s: Input operand 1 does not have enough dimensions (has %d, gufunc core with signature %s requires %d)", name, len(b.Shape), sig, core)
	}
	bn := b.Shape[len(b.Shape)-core]
	if bn != n {
		return nil, errorf(runtime.ValueError, "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s (size %d is different from %d)", name, sig, bn, n)
	}
	k := 1
	outCore := []int{n}
	if !vec {
		k = b.Shape[len(b.Shape)-1]
		outCore = []int{n, k}
	}
	la, lb := len(a.Shape)-2, len(b.Shape)-core
	l, ok := broadcastLoop([][]int{a.Shape[:la], b.Shape[:lb]}, [][]int{a.Strides[:la], b.Strides[:lb]}, []int{a.Offset, b.Offset})
	if !ok {
		return nil, broadcastError(outCore, a.Shape, la, b.Shape, lb)
	}
	out := runtime.Zeros[T](l.resultShape(outCore...)...)
	rhs := func(off int) mat[T] {
		if vec {
			return vecAt(b, off)
		}
		return matAt(b, off)
	}
	if err := gesv(a, l, n, k, out, rhs); err != nil {
		return nil, err
	}
	return out, nil
}

// gesv is numpy's gesv over a loop: for every index, factor a's matrix
// (getrf) and solve it against the k right-hand sides rhs returns for the
// second operand's offset (nil: the identity, for inv) into the n x k
// core of out. A singular matrix stops the loop with numpy's error.
func gesv[T Scalar](a *runtime.Array[T], l *loop, n, k int, out *runtime.Array[T], rhs func(off int) mat[T]) error {
	var err error
	if za, ok := any(a).(*runtime.Array[complex128]); ok {
		w := newZLU(n)
		o := asArray[complex128](out)
		l.each(func(i int, offs []int) {
			if err != nil {
				return
			}
			loadC128(w.a, matAt(za, offs[0]))
			x := o.Data[i*n*k : (i+1)*n*k]
			if rhs == nil {
				identityInto(x, n)
			} else {
				loadC128(x, any(rhs(offs[1])).(mat[complex128]))
			}
			if !w.factor() {
				err = linAlgError(msgSingular)
				return
			}
			w.solve(x, k)
		})
		return err
	}
	w := newDLU(n, k)
	l.each(func(i int, offs []int) {
		if err != nil {
			return
		}
		loadAny(w.a, matAt(a, offs[0]))
		if rhs == nil {
			identityInto(w.b, n)
		} else {
			loadAny(w.b, rhs(offs[1]))
		}
		if !w.factor() {
			err = linAlgError(msgSingular)
			return
		}
		w.solve(k)
		storeAny(out.Data[i*n*k:(i+1)*n*k], w.b)
	})
	return err
}

// identityInto writes the n x n identity into x.
func identityInto[E float64 | complex128](x []E, n int) {
	clear(x)
	for j := 0; j < n; j++ {
		x[j*n+j] = 1
	}
}

// broadcastError is numpy's message when the loop axes of a gufunc's two
// operands do not broadcast: each operand's shape, then its loop axes
// followed by one newaxis per core axis of the output, then the output's
// core shape.
func broadcastError(outCore, as []int, la int, bs []int, lb int) error {
	remap := func(s []int, n int) string {
		parts := ""
		for _, d := range s[:n] {
			parts += fmt.Sprint(d) + ","
		}
		for range outCore {
			parts += "newaxis,"
		}
		return "(" + parts[:len(parts)-1] + ")"
	}
	return errorf(runtime.ValueError, "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s %s->%s  and requested shape %s",
		tupleNoSpace(as), remap(as, la), tupleNoSpace(bs), remap(bs, lb), tupleNoSpace(outCore))
}

// Inv is np.linalg.inv(a) for a (..., M, M): gesv against the identity.
func Inv[T Scalar](a *runtime.Array[T]) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	out := runtime.Zeros[T](l.resultShape(n, n)...)
	if err := gesv(a, l, n, n, out, nil); err != nil {
		return nil, err
	}
	return out, nil
}

// Det is np.linalg.det(a) for a (..., M, M); the result has a's leading
// axes (0-d for one matrix). As numpy, it is sign * exp(logdet) of
// Slogdet's factors, so det([[1, 2], [3, 4]]) is -2.0000000000000004, and
// a singular matrix gives 0 without raising.
func Det[T Scalar](a *runtime.Array[T]) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	out := runtime.Zeros[T](l.resultShape()...)
	switch za := any(a).(type) {
	case *runtime.Array[complex128]:
		o := asArray[complex128](out)
		w := newZLU(n)
		l.each(func(i int, offs []int) {
			loadC128(w.a, matAt(za, offs[0]))
			sign, logdet := w.slogdet()
			// numpy's det_from_slogdet: sign * (exp(logdet) + 0i) with
			// the textbook complex product.
			e := runtime.Exp(logdet)
			o.Data[i] = complex(real(sign)*e-imag(sign)*0, real(sign)*0+imag(sign)*e)
		})
	default:
		w := newDLU(n, 0)
		l.each(func(i int, offs []int) {
			loadAny(w.a, matAt(a, offs[0]))
			sign, logdet := w.slogdet()
			storeAny(out.Data[i:i+1], []float64{sign * runtime.Exp(logdet)})
		})
	}
	return out, nil
}

// Slogdet is np.linalg.slogdet(a): the sign (1, -1 or 0 for real
// matrices, a unit complex number or 0 for complex ones) and the natural
// log of |det| (-inf for a singular matrix), each with a's leading axes.
// R is T's real type (float64 for complex128).
func Slogdet[T Scalar, R Float](a *runtime.Array[T]) (*runtime.Array[T], *runtime.Array[R], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, nil, err
	}
	mustRealOf[T, R]()
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	sign := runtime.Zeros[T](l.resultShape()...)
	logdet := runtime.Zeros[R](l.resultShape()...)
	switch za := any(a).(type) {
	case *runtime.Array[complex128]:
		s := asArray[complex128](sign)
		w := newZLU(n)
		l.each(func(i int, offs []int) {
			loadC128(w.a, matAt(za, offs[0]))
			sg, ld := w.slogdet()
			s.Data[i] = sg
			logdet.Data[i] = R(ld)
		})
	default:
		w := newDLU(n, 0)
		l.each(func(i int, offs []int) {
			loadAny(w.a, matAt(a, offs[0]))
			sg, ld := w.slogdet()
			storeAny(sign.Data[i:i+1], []float64{sg})
			logdet.Data[i] = R(ld)
		})
	}
	return sign, logdet, nil
}

// dlu is the workspace of a real LU factorisation: a is the n x n matrix
// (row-major, overwritten by its factors), b the right-hand sides.
type dlu struct {
	n    int
	a, b []float64
	ipiv []int
}

func newDLU(n, k int) *dlu {
	return &dlu{n: n, a: make([]float64, n*n), b: make([]float64, n*k), ipiv: make([]int, n)}
}

// factor is getrf; false when a pivot is exactly zero (LAPACK's info > 0).
func (w *dlu) factor() bool {
	if w.n == 0 {
		return true
	}
	return impl.Dgetrf(w.n, w.n, w.a, w.n, w.ipiv)
}

// solve is getrs on the k right-hand sides in b (row-major n x k).
func (w *dlu) solve(k int) {
	if w.n == 0 || k == 0 {
		return
	}
	impl.Dgetrs(blas.NoTrans, w.n, k, w.a, w.n, w.ipiv, w.b, k)
}

// slogdet factors a and reads numpy's sign and log|det| off the
// diagonal: the sign flips once per row interchange and per negative
// pivot, and the logs of |pivot| are summed in order (numpy's
// slogdet_from_factored_diagonal). A zero pivot gives (0, -inf).
func (w *dlu) slogdet() (float64, float64) {
	if !w.factor() {
		return 0, negInf
	}
	sign := 1.0
	for i, p := range w.ipiv[:w.n] {
		if p != i {
			sign = -sign
		}
	}
	logdet := 0.0
	for i := 0; i < w.n; i++ {
		d := w.a[i*w.n+i]
		if d < 0 {
			sign, d = -sign, -d
		}
		logdet += runtime.Log(d)
	}
	return sign, logdet
}

// loadAny is loadF64 for a real T given as a type parameter of a Scalar
// function (complex matrices never reach it).
func loadAny[T runtime.Elem](dst []float64, m mat[T]) {
	switch m := any(m).(type) {
	case mat[float64]:
		loadF64(dst, m)
	case mat[float32]:
		loadF64(dst, m)
	default:
		panic(fmt.Sprintf("linalg: no real load for %T", m))
	}
}

// storeAny is storeF64 for a real T given as a type parameter.
func storeAny[T runtime.Elem](dst []T, src []float64) {
	switch d := any(dst).(type) {
	case []float64:
		copy(d, src)
	case []float32:
		storeF64(d, src)
	default:
		panic(fmt.Sprintf("linalg: no real store for %T", dst))
	}
}

// mustRealOf panics unless R is T's real type: the generated code
// instantiates the pair, and a mismatch is a compiler bug.
func mustRealOf[T runtime.Elem, R Float]() {
	var t T
	var r R
	switch any(t).(type) {
	case float32:
		if _, ok := any(r).(float32); ok {
			return
		}
	case float64, complex128:
		if _, ok := any(r).(float64); ok {
			return
		}
	}
	panic(fmt.Sprintf("linalg: %T is not the real type of %T", r, t))
}
