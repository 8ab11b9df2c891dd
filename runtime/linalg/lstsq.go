package linalg

import (
	"github.com/pyc2go/pyc2go/runtime"
)

// Least squares. numpy calls gelsd (an SVD by divide and conquer); gonum
// has no gelsd, so the minimum-norm solution is formed from gesvd's
// factors, x = V diag(1/s_i) U^T b over the singular values gelsd counts
// in the rank: s_i > rcnd * max(s), where rcnd is rcond, or the machine
// epsilon 2^-53 when rcond <= 0 or >= 1 (dlalsd's rule). x, the rank
// and s agree with numpy's up to rounding (rank decisions on singular
// values within rounding of the threshold aside); the residuals are
// computed as sum((b - A x)^2) per column rather than from gelsd's
// transformed b, equal in exact arithmetic.

// RcondNone is the rcond numpy's lstsq uses for rcond=None:
// finfo(float64).eps * max(M, N) (float64 even for float32 input, which
// numpy solves in double).
func RcondNone(m, n int) float64 { return 0x1p-52 * float64(max(m, n)) }

// RcondWarn is the rcond numpy's lstsq uses when rcond is omitted (after
// a FutureWarning): -1, i.e. machine precision.
const RcondWarn = -1.0

// Lstsq is np.linalg.lstsq(a, b, rcond) for a (M, N) and b (M,) or (M, K):
// the least-squares solution x (N,) or (N, K); the residuals (1,) or (K,)
// when rank == N < M, else (0,); the rank of a; and a's singular values
// (min(M, N),). For rcond=None pass RcondNone(M, N).
func Lstsq[T Float](a, b *runtime.Array[T], rcond float64) (x, resid *runtime.Array[T], rank int32, s *runtime.Array[T], err error) {
	// numpy makes a 1-d b a column, then asserts both are 2-d.
	vec := len(b.Shape) == 1
	if err := check2D(a.Shape); err != nil {
		return nil, nil, 0, nil, err
	}
	if !vec {
		if err := check2D(b.Shape); err != nil {
			return nil, nil, 0, nil, err
		}
	}
	m, n := a.Shape[0], a.Shape[1]
	var bm mat[T]
	if vec {
		bm = vecAt(b, b.Offset)
	} else {
		bm = matAt(b, b.Offset)
	}
	if bm.rows != m {
		return nil, nil, 0, nil, linAlgError(msgIncompat)
	}
	nrhs := bm.cols
	k := min(m, n)
	if vec {
		x = runtime.Zeros[T](n)
	} else {
		x = runtime.Zeros[T](n, nrhs)
	}
	s = runtime.Zeros[T](k)
	af := make([]float64, m*n)
	loadF64(af, matAt(a, a.Offset))
	bf := make([]float64, m*nrhs)
	loadF64(bf, bm)
	xf := make([]float64, n*nrhs)
	if k > 0 {
		w := newSVDWork(m, n, true, false)
		copy(w.a, af)
		if !w.run() {
			return nil, nil, 0, nil, linAlgError(msgLstsqConv)
		}
		rcnd := rcond
		if rcnd <= 0 || rcnd >= 1 {
			rcnd = 0x1p-53
		}
		tol := rcnd * w.s[0]
		for _, sv := range w.s {
			if sv > tol {
				rank++
			}
		}
		// x = V[:, :rank] diag(1/s) U[:, :rank]^T b; w.u is m x k, w.vt
		// k x n, row-major.
		c := make([]float64, nrhs)
		for i := 0; i < int(rank); i++ {
			clear(c)
			for r := 0; r < m; r++ {
				ur := w.u[r*k+i]
				for j := 0; j < nrhs; j++ {
					c[j] += ur * bf[r*nrhs+j]
				}
			}
			for j := range c {
				c[j] /= w.s[i]
			}
			for r := 0; r < n; r++ {
				v := w.vt[i*n+r]
				for j := 0; j < nrhs; j++ {
					xf[r*nrhs+j] += v * c[j]
				}
			}
		}
		storeF64(s.Data, w.s)
	}
	storeF64(x.Data, xf)
	if int(rank) == n && m > n {
		resid = runtime.Zeros[T](nrhs)
		for j := 0; j < nrhs; j++ {
			sum := 0.0
			for r := 0; r < m; r++ {
				d := bf[r*nrhs+j]
				for c := 0; c < n; c++ {
					d -= af[r*n+c] * xf[c*nrhs+j]
				}
				sum += d * d
			}
			resid.Data[j] = T(sum)
		}
	} else {
		resid = runtime.Zeros[T](0)
	}
	return x, resid, rank, s, nil
}
