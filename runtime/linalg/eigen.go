package linalg

import (
	"math"
	"strings"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack"
)

// Eigenvalue problems. numpy calls syevd (divide and conquer) for eigh and
// geev for eig; gonum has dsyev (implicit QL/QR) and dgeev (the same
// Hessenberg QR as LAPACK's), so eigenvalues agree with numpy's to
// rounding and eigenvectors up to the freedom the problem leaves:
//
//   - eigh: ascending eigenvalues (numpy's order too); each eigenvector is
//     unit length and determined up to sign (a basis of the eigenspace
//     for repeated eigenvalues). numpy fixes no sign either.
//   - eig: LAPACK's order, which is not sorted and which gonum's geev
//     usually but not always reproduces; each eigenvector has unit 2-norm
//     and its largest component real (dgeev's normalisation), which fixes
//     it up to sign.
//
// Tests compare eigenvalues sorted and check eigenvectors through
// A V = V diag(w) and, for eigh, V^T V = I.
//
// eig and eigvals always return complex arrays (complex64 for float32
// input): numpy returns a real array when every eigenvalue of the stack is
// real, a dtype that depends on the values, which a statically typed
// result cannot follow. The values are numpy's; w.real is numpy's real
// result then.

// uploLower parses numpy's UPLO argument (upper-cased first, as numpy does).
func uploLower(uplo string) (bool, error) {
	switch strings.ToUpper(uplo) {
	case "L":
		return true, nil
	case "U":
		return false, nil
	}
	return false, errorf(runtime.ValueError, "%s", msgUPLO)
}

// Eigh is np.linalg.eigh(a, UPLO) for real symmetric a (..., M, M): the
// ascending eigenvalues (..., M) and the eigenvectors as columns
// (..., M, M), from the triangle UPLO names ("L" or "U").
func Eigh[T Float](a *runtime.Array[T], uplo string) (*runtime.Array[T], *runtime.Array[T], error) {
	return eigh(a, uplo, true)
}

// Eigvalsh is np.linalg.eigvalsh(a, UPLO): Eigh's eigenvalues only.
func Eigvalsh[T Float](a *runtime.Array[T], uplo string) (*runtime.Array[T], error) {
	w, _, err := eigh(a, uplo, false)
	return w, err
}

func eigh[T Float](a *runtime.Array[T], uplo string, vectors bool) (*runtime.Array[T], *runtime.Array[T], error) {
	lower, err := uploLower(uplo)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSquare(a.Shape); err != nil {
		return nil, nil, err
	}
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	w := runtime.Zeros[T](l.resultShape(n)...)
	var v *runtime.Array[T]
	if vectors {
		v = runtime.Zeros[T](l.resultShape(n, n)...)
	}
	ul, job := blas.Upper, lapack.EVNone
	if lower {
		ul = blas.Lower
	}
	if vectors {
		job = lapack.EVCompute
	}
	buf, wb := make([]float64, n*n), make([]float64, n)
	var work []float64
	if n > 0 {
		q := []float64{0}
		impl.Dsyev(job, ul, n, buf, n, wb, q, -1)
		work = make([]float64, int(q[0]))
	}
	l.each(func(i int, offs []int) {
		if err != nil || n == 0 {
			return
		}
		loadF64(buf, matAt(a, offs[0]))
		// Dsyev's iterations assume finite input; numpy's syevd returns
		// NaNs or fails for such input depending on where the NaN sits.
		if !finiteTriangle(buf, n, lower) || !impl.Dsyev(job, ul, n, buf, n, wb, work, len(work)) {
			err = linAlgError(msgEigConv)
			return
		}
		storeF64(w.Data[i*n:(i+1)*n], wb)
		if vectors {
			storeF64(v.Data[i*n*n:(i+1)*n*n], buf)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return w, v, nil
}

// finiteTriangle reports whether the triangle of the n x n row-major a
// that eigh reads holds finite values only.
func finiteTriangle(a []float64, n int, lower bool) bool {
	for i := 0; i < n; i++ {
		lo, hi := 0, i+1
		if !lower {
			lo, hi = i, n
		}
		for _, x := range a[i*n+lo : i*n+hi] {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return false
			}
		}
	}
	return true
}

// Complex is the complex result types of eig: complex64 for float32
// input, complex128 for float64.
type Complex interface{ complex64 | complex128 }

// Eig is np.linalg.eig(a) for real a (..., M, M): eigenvalues (..., M) and
// right eigenvectors as columns (..., M, M), always complex (C is
// complex64 for float32 input, complex128 for float64; see the file
// comment). Non-finite input raises LinAlgError("Array must not contain
// infs or NaNs"), as numpy's _assert_finite does before anything else.
func Eig[T Float, C Complex](a *runtime.Array[T]) (*runtime.Array[C], *runtime.Array[C], error) {
	return eig[T, C](a, true)
}

// Eigvals is np.linalg.eigvals(a): Eig's eigenvalues only.
func Eigvals[T Float, C Complex](a *runtime.Array[T]) (*runtime.Array[C], error) {
	w, _, err := eig[T, C](a, false)
	return w, err
}

func eig[T Float, C Complex](a *runtime.Array[T], vectors bool) (*runtime.Array[C], *runtime.Array[C], error) {
	mustComplexOf[T, C]()
	if err := checkSquare(a.Shape); err != nil {
		return nil, nil, err
	}
	if !allFinite(a) {
		return nil, nil, linAlgError(msgNotFinite)
	}
	n := a.Shape[len(a.Shape)-1]
	l := newLoop(a, 2)
	w := runtime.Zeros[C](l.resultShape(n)...)
	var v *runtime.Array[C]
	jobvr := lapack.RightEVNone
	if vectors {
		v = runtime.Zeros[C](l.resultShape(n, n)...)
		jobvr = lapack.RightEVCompute
	}
	buf, wr, wi := make([]float64, n*n), make([]float64, n), make([]float64, n)
	var vr, work []float64
	if vectors {
		vr = make([]float64, n*n)
	}
	if n > 0 {
		q := []float64{0}
		impl.Dgeev(lapack.LeftEVNone, jobvr, n, buf, n, wr, wi, nil, 1, vr, n, q, -1)
		work = make([]float64, int(q[0]))
	}
	var err error
	l.each(func(i int, offs []int) {
		if err != nil || n == 0 {
			return
		}
		loadF64(buf, matAt(a, offs[0]))
		if impl.Dgeev(lapack.LeftEVNone, jobvr, n, buf, n, wr, wi, nil, 1, vr, n, work, len(work)) > 0 {
			err = linAlgError(msgEigConv)
			return
		}
		wd := w.Data[i*n : (i+1)*n]
		for j := range wd {
			wd[j] = C(complex(wr[j], wi[j]))
		}
		if !vectors {
			return
		}
		// numpy's mk_geev_complex_eigenvectors: a real eigenvalue's
		// vector is column j; a complex pair (j, j+1) stores re in
		// column j and im in column j+1, giving re + i im and re - i im.
		vd := v.Data[i*n*n : (i+1)*n*n]
		for j := 0; j < n; j++ {
			if wi[j] == 0 {
				for r := 0; r < n; r++ {
					vd[r*n+j] = C(complex(vr[r*n+j], 0))
				}
				continue
			}
			for r := 0; r < n; r++ {
				re, im := vr[r*n+j], vr[r*n+j+1]
				vd[r*n+j] = C(complex(re, im))
				vd[r*n+j+1] = C(complex(re, -im))
			}
			j++
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return w, v, nil
}

// allFinite is numpy's _assert_finite test: no NaN or infinity anywhere.
func allFinite[T Float](a *runtime.Array[T]) bool {
	for _, x := range a.Flat() {
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}

// mustComplexOf panics unless C is the complex type numpy gives eig of a
// T array.
func mustComplexOf[T Float, C Complex]() {
	var t T
	var c C
	_, f32 := any(t).(float32)
	_, c64 := any(c).(complex64)
	if f32 != c64 {
		panic("linalg: eig of float32 is complex64, of float64 complex128")
	}
}
