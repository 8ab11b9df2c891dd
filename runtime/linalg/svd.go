package linalg

import (
	"math"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/lapack"
)

// Singular values. numpy calls gesdd (divide and conquer); gonum has
// gesvd (QR iteration), so singular values agree with numpy's to rounding
// and are in the same descending order, while the singular vectors agree
// up to the freedom the factorisation leaves: a sign per pair (u_i, v_i),
// a basis for repeated singular values, and any orthonormal completion in
// the extra columns of U (rows of Vh) that full_matrices=True adds. Tests
// reconstruct A from the factors and check orthonormality instead.
//
// Non-finite input raises LinAlgError("SVD did not converge"): numpy's
// gesdd does so for NaN, and returns NaN singular values for infinities;
// gesvd's iterations assume finite input, so both raise here.

// svdWork is one m x n real SVD's buffers.
type svdWork struct {
	m, n, k int
	jobU    lapack.SVDJob
	a, s    []float64
	u, vt   []float64
	ldu     int
	ldvt    int
	work    []float64
}

func newSVDWork(m, n int, uv, full bool) *svdWork {
	k := min(m, n)
	w := &svdWork{m: m, n: n, k: k, a: make([]float64, m*n), s: make([]float64, k), jobU: lapack.SVDNone, ldu: 1, ldvt: 1}
	ucols, vrows := 0, 0
	if uv {
		w.jobU, ucols, vrows = lapack.SVDStore, k, k
		if full {
			w.jobU, ucols, vrows = lapack.SVDAll, m, n
		}
		w.ldu, w.ldvt = max(ucols, 1), max(n, 1)
		w.u, w.vt = make([]float64, m*ucols), make([]float64, vrows*n)
	}
	if k > 0 {
		q := []float64{0}
		impl.Dgesvd(w.jobU, w.jobU, m, n, w.a, max(n, 1), w.s, w.u, w.ldu, w.vt, w.ldvt, q, -1)
		w.work = make([]float64, int(q[0]))
	}
	return w
}

// run factors w.a (loaded by the caller); false when it did not converge
// or the input was not finite.
func (w *svdWork) run() bool {
	if w.k == 0 {
		return true
	}
	for _, x := range w.a {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return impl.Dgesvd(w.jobU, w.jobU, w.m, w.n, w.a, w.n, w.s, w.u, w.ldu, w.vt, w.ldvt, w.work, len(w.work))
}

// SVD is np.linalg.svd(a, full_matrices) with compute_uv=True for a
// (..., M, N): u (..., M, M) or (..., M, K), s (..., K) descending and vh
// (..., N, N) or (..., K, N), K = min(M, N), with a = u[..., :K] *
// s @ vh[..., :K, :].
func SVD[T Float](a *runtime.Array[T], fullMatrices bool) (u, s, vh *runtime.Array[T], err error) {
	if err := checkStacked2D(a.Shape); err != nil {
		return nil, nil, nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	ucols, vrows := k, k
	if fullMatrices {
		ucols, vrows = m, n
	}
	u = runtime.Zeros[T](l.resultShape(m, ucols)...)
	s = runtime.Zeros[T](l.resultShape(k)...)
	vh = runtime.Zeros[T](l.resultShape(vrows, n)...)
	w := newSVDWork(m, n, true, fullMatrices)
	l.each(func(i int, offs []int) {
		if err != nil {
			return
		}
		loadF64(w.a, matAt(a, offs[0]))
		if !w.run() {
			err = linAlgError(msgSVDConv)
			return
		}
		if k == 0 && fullMatrices {
			// LAPACK leaves u and vt alone when there is nothing to
			// factor; numpy fills in identities.
			identityInto(w.u, m)
			identityInto(w.vt, n)
		}
		storeF64(u.Data[i*m*ucols:(i+1)*m*ucols], w.u)
		storeF64(s.Data[i*k:(i+1)*k], w.s)
		storeF64(vh.Data[i*vrows*n:(i+1)*vrows*n], w.vt)
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return u, s, vh, nil
}

// SVDValues is np.linalg.svd(a, compute_uv=False): the singular values
// (..., K), descending.
func SVDValues[T Float](a *runtime.Array[T]) (*runtime.Array[T], error) {
	if err := checkStacked2D(a.Shape); err != nil {
		return nil, err
	}
	return svdValues(a, msgSVDConv)
}

func svdValues[T Float](a *runtime.Array[T], msg string) (*runtime.Array[T], error) {
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	s := runtime.Zeros[T](l.resultShape(k)...)
	w := newSVDWork(m, n, false, false)
	var err error
	l.each(func(i int, offs []int) {
		if err != nil {
			return
		}
		loadF64(w.a, matAt(a, offs[0]))
		if !w.run() {
			err = linAlgError(msg)
			return
		}
		storeF64(s.Data[i*k:(i+1)*k], w.s)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Pinv is np.linalg.pinv(a, rcond) for a (..., M, N): the (..., N, M)
// pseudo-inverse vh^T diag(1/s) u^T, where singular values at or below
// rcond * max(s) count as zero. As numpy, the SVD runs in float64 and the
// rest in T (the cutoff, the reciprocals and the final product).
func Pinv[T Float](a *runtime.Array[T], rcond float64) (*runtime.Array[T], error) {
	if err := checkStacked2D(a.Shape); err != nil {
		return nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	l := newLoop(a, 2)
	out := runtime.Zeros[T](l.resultShape(n, m)...)
	if m == 0 || n == 0 {
		return out, nil
	}
	u, s, vh, err := SVD(a, false)
	if err != nil {
		return nil, err
	}
	k := min(m, n)
	cut := T(rcond)
	ut := make([]T, k*m) // s[:, None] * u^T, k x m
	for b := 0; b < l.count(); b++ {
		sv := s.Data[b*k : (b+1)*k]
		smax := sv[0]
		for _, x := range sv {
			if x > smax || x != x {
				smax = x
			}
		}
		c := cut * smax
		ub := u.Data[b*m*k : (b+1)*m*k]
		for i := 0; i < k; i++ {
			var r T
			if sv[i] > c {
				r = 1 / sv[i]
			}
			for j := 0; j < m; j++ {
				ut[i*m+j] = r * ub[j*k+i]
			}
		}
		// out = vh^T (n x k) @ ut (k x m)
		gemm(true, false, n, m, k, vh.Data[b*k*n:(b+1)*k*n], n, ut, m, out.Data[b*n*m:(b+1)*n*m], m)
	}
	return out, nil
}

// MatrixRank is np.linalg.matrix_rank(a, tol): for a (..., M, N), the
// number of singular values above tol, or when hasTol is false above
// max(s) * max(M, N) * eps(T) computed in T, with a's leading axes (0-d for
// one matrix). An array of fewer than two axes has rank 1 unless all its
// elements are zero.
func MatrixRank[T Float](a *runtime.Array[T], tol float64, hasTol bool) (*runtime.Array[int64], error) {
	if len(a.Shape) < 2 {
		r := runtime.Zeros[int64]()
		for _, x := range a.Flat() {
			if x != 0 {
				r.Data[0] = 1
				break
			}
		}
		return r, nil
	}
	s, err := svdValues(a, msgSVDConv)
	if err != nil {
		return nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	out := runtime.Zeros[int64](l.resultShape()...)
	var eps T
	switch any(eps).(type) {
	case float32:
		eps = T(math.Nextafter32(1, 2) - 1)
	default:
		eps = T(math.Nextafter(1, 2) - 1)
	}
	for b := range out.Data {
		sv := s.Data[b*k : (b+1)*k]
		t := T(tol)
		if !hasTol {
			if k == 0 {
				// numpy's S.max() of nothing raises.
				return nil, errorf(runtime.ValueError, msgEmptyReduce, "maximum")
			}
			smax := sv[0]
			for _, x := range sv {
				if x > smax || x != x {
					smax = x
				}
			}
			t = smax * T(max(m, n)) * eps
		}
		for _, x := range sv {
			if x > t {
				out.Data[b]++
			}
		}
	}
	return out, nil
}
