package linalg

import (
	"math"

	"github.com/pyc2go/pyc2go/runtime"
)

// Complex LU. gonum's LAPACK is real only, so complex matrices are
// factored here with zgetf2's algorithm: column by column, the pivot is
// the first entry of largest |re| + |im| (izamax's dcabs1), the column
// below it is scaled by the pivot's reciprocal, and the trailing matrix
// gets a rank-one update. Results agree with numpy's zgesv / zgetrf to
// rounding (LAPACK's blocked code orders the same sums differently).

var negInf = math.Inf(-1)

// zlu is the workspace of a complex LU factorisation of an n x n matrix
// (row-major, overwritten by its factors).
type zlu struct {
	n    int
	a    []complex128
	ipiv []int
}

func newZLU(n int) *zlu {
	return &zlu{n: n, a: make([]complex128, n*n), ipiv: make([]int, n)}
}

func cabs1(z complex128) float64 { return math.Abs(real(z)) + math.Abs(imag(z)) }

// factor is zgetf2; false when a pivot is exactly zero. The factorisation
// runs to the end either way, as LAPACK's does.
func (w *zlu) factor() bool {
	n, a := w.n, w.a
	ok := true
	for j := 0; j < n; j++ {
		p, best := j, cabs1(a[j*n+j])
		for i := j + 1; i < n; i++ {
			if v := cabs1(a[i*n+j]); v > best {
				p, best = i, v
			}
		}
		w.ipiv[j] = p
		if a[p*n+j] == 0 {
			ok = false
			continue
		}
		if p != j {
			for c := 0; c < n; c++ {
				a[j*n+c], a[p*n+c] = a[p*n+c], a[j*n+c]
			}
		}
		r := 1 / a[j*n+j]
		for i := j + 1; i < n; i++ {
			a[i*n+j] *= r
		}
		for i := j + 1; i < n; i++ {
			l := a[i*n+j]
			if l == 0 {
				continue
			}
			row, prow := a[i*n:i*n+n], a[j*n:j*n+n]
			for c := j + 1; c < n; c++ {
				row[c] -= l * prow[c]
			}
		}
	}
	return ok
}

// solve is zgetrs: b (row-major n x k) becomes A^-1 b.
func (w *zlu) solve(b []complex128, k int) {
	n, a := w.n, w.a
	for i := 0; i < n; i++ {
		if p := w.ipiv[i]; p != i {
			for c := 0; c < k; c++ {
				b[i*k+c], b[p*k+c] = b[p*k+c], b[i*k+c]
			}
		}
	}
	// L y = b, unit lower triangular.
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if l := a[i*n+j]; l != 0 {
				for c := 0; c < k; c++ {
					b[i*k+c] -= l * b[j*k+c]
				}
			}
		}
	}
	// U x = y.
	for i := n - 1; i >= 0; i-- {
		for j := i + 1; j < n; j++ {
			if u := a[i*n+j]; u != 0 {
				for c := 0; c < k; c++ {
					b[i*k+c] -= u * b[j*k+c]
				}
			}
		}
		d := a[i*n+i]
		for c := 0; c < k; c++ {
			b[i*k+c] /= d
		}
	}
}

// slogdet is numpy's complex slogdet: the sign is the product of the
// pivots' phases u/|u| (times -1 per interchange), multiplied in order
// with the textbook complex product; logdet sums log|u|.
func (w *zlu) slogdet() (complex128, float64) {
	if !w.factor() {
		return 0, negInf
	}
	sign := complex(1, 0)
	for i, p := range w.ipiv[:w.n] {
		if p != i {
			sign = -sign
		}
	}
	logdet := 0.0
	for i := 0; i < w.n; i++ {
		d := w.a[i*w.n+i]
		ad := runtime.ComplexAbs(d)
		e := complex(real(d)/ad, imag(d)/ad)
		sign = complex(real(sign)*real(e)-imag(sign)*imag(e), real(sign)*imag(e)+imag(sign)*real(e))
		logdet += runtime.Log(ad)
	}
	return sign, logdet
}
