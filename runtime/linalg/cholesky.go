package linalg

import (
	"math"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/blas"
)

// Cholesky is np.linalg.cholesky(a) for a (..., M, M): the lower
// triangular L with a = L L^H, from a's lower triangle (the upper one is
// never read), with zeros above the diagonal. numpy calls potrf('L');
// real matrices go through gonum's Dpotrf, complex ones through zpotf2's
// algorithm. A matrix that is not positive definite raises
// LinAlgError("Matrix is not positive definite").
func Cholesky[T Scalar](a *runtime.Array[T]) (*runtime.Array[T], error) {
	if err := checkSquare(a.Shape); err != nil {
		return nil, err
	}
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	out := runtime.Zeros[T](l.resultShape(n, n)...)
	var err error
	switch za := any(a).(type) {
	case *runtime.Array[complex128]:
		o := asArray[complex128](out)
		l.each(func(i int, offs []int) {
			if err != nil {
				return
			}
			c := o.Data[i*n*n : (i+1)*n*n]
			loadC128(c, matAt(za, offs[0]))
			if !zpotf2(n, c) {
				err = linAlgError(msgNotPosDef)
			}
		})
	default:
		buf := make([]float64, n*n)
		l.each(func(i int, offs []int) {
			if err != nil || n == 0 {
				return
			}
			loadAny(buf, matAt(a, offs[0]))
			if !impl.Dpotrf(blas.Lower, n, buf, n) {
				err = linAlgError(msgNotPosDef)
				return
			}
			for r := 0; r < n; r++ {
				clear(buf[r*n+r+1 : r*n+n])
			}
			storeAny(out.Data[i*n*n:(i+1)*n*n], buf)
		})
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// zpotf2 overwrites the n x n row-major a with the L of a = L L^H, read
// from a's lower triangle (zpotf2 with uplo 'L': the imaginary part of the
// diagonal is ignored), and zeroes the upper triangle. It is false when a
// leading minor is not positive definite (a pivot <= 0 or NaN).
func zpotf2(n int, a []complex128) bool {
	for j := 0; j < n; j++ {
		ajj := real(a[j*n+j])
		for k := 0; k < j; k++ {
			l := a[j*n+k]
			ajj -= real(l)*real(l) + imag(l)*imag(l)
		}
		if ajj <= 0 || math.IsNaN(ajj) {
			return false
		}
		ajj = math.Sqrt(ajj)
		a[j*n+j] = complex(ajj, 0)
		for i := j + 1; i < n; i++ {
			s := a[i*n+j]
			for k := 0; k < j; k++ {
				l := a[j*n+k]
				s -= a[i*n+k] * complex(real(l), -imag(l))
			}
			a[i*n+j] = s / complex(ajj, 0)
		}
		clear(a[j*n+j+1 : j*n+n])
	}
	return true
}
