package linalg

import (
	"github.com/pyc2go/pyc2go/runtime"
)

// QR. numpy calls geqrf and then orgqr for Q; so does this file, through
// gonum's port of the same Householder code, whose sign convention
// (dlarfg: beta = -sign(alpha) * norm) is LAPACK's: for a full-rank matrix
// Q and R agree with numpy's to rounding, signs included.

// The qr modes numpy accepts (its deprecated "full" and "economic" aside).
const (
	ModeReduced  = "reduced"
	ModeComplete = "complete"
	ModeR        = "r"
	ModeRaw      = "raw"
)

// CheckQRMode is numpy's check of qr's mode argument.
func CheckQRMode(mode string) error {
	switch mode {
	case ModeReduced, ModeComplete, ModeR, ModeRaw:
		return nil
	}
	return errorf(runtime.ValueError, msgQRModeFmt, mode)
}

// QR is np.linalg.qr(a, mode) for a (..., M, N) and mode "reduced" or
// "complete": q (..., M, K) and r (..., K, N) with K = min(M, N) for
// reduced, K = M for complete.
func QR[T Float](a *runtime.Array[T], mode string) (q, r *runtime.Array[T], err error) {
	if err := CheckQRMode(mode); err != nil {
		return nil, nil, err
	}
	if mode != ModeReduced && mode != ModeComplete {
		return nil, nil, errorf(runtime.ValueError, "linalg.QR: mode %q returns other results (QRR, QRRawFactors)", mode)
	}
	if err := checkStacked2D(a.Shape); err != nil {
		return nil, nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	mc := k
	if mode == ModeComplete && m > n {
		mc = m
	}
	l := newLoop(a, 2)
	q = runtime.Zeros[T](l.resultShape(m, mc)...)
	r = runtime.Zeros[T](l.resultShape(mc, n)...)
	// The factored matrix needs mc columns for orgqr to build Q in place.
	cols := max(n, mc)
	buf, tau := make([]float64, m*cols), make([]float64, k)
	qb := make([]float64, m*mc)
	var work []float64
	l.each(func(i int, offs []int) {
		clear(buf)
		am := matAt(a, offs[0])
		for rr := 0; rr < m; rr++ {
			for c := 0; c < n; c++ {
				buf[rr*cols+c] = float64(am.data[am.off+rr*am.rs+c*am.cs])
			}
		}
		work = geqrf(m, n, buf, cols, tau, work)
		// r = triu(a[:mc, :])
		rd := r.Data[i*mc*n : (i+1)*mc*n]
		for rr := 0; rr < min(mc, m); rr++ {
			for c := rr; c < n; c++ {
				rd[rr*n+c] = T(buf[rr*cols+c])
			}
		}
		if m == 0 || mc == 0 {
			return
		}
		work = orgqr(m, mc, k, buf, cols, tau, work)
		for rr := 0; rr < m; rr++ {
			copy(qb[rr*mc:(rr+1)*mc], buf[rr*cols:rr*cols+mc])
		}
		storeF64(q.Data[i*m*mc:(i+1)*m*mc], qb)
	})
	return q, r, nil
}

// QRR is np.linalg.qr(a, mode="r"): r (..., K, N), K = min(M, N).
func QRR[T Float](a *runtime.Array[T]) (*runtime.Array[T], error) {
	h, _, err := qrRaw(a)
	if err != nil {
		return nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	r := runtime.Zeros[T](l.resultShape(k, n)...)
	for b := 0; b < l.count(); b++ {
		hb, rb := h[b*m*n:(b+1)*m*n], r.Data[b*k*n:(b+1)*k*n]
		for rr := 0; rr < k; rr++ {
			for c := rr; c < n; c++ {
				rb[rr*n+c] = T(hb[rr*n+c])
			}
		}
	}
	return r, nil
}

// QRRawFactors is np.linalg.qr(a, mode="raw"): h (..., N, M), the
// Householder vectors below R's diagonal and R on and above it, in
// LAPACK's column-major layout (numpy returns the transpose of geqrf's
// output), and tau (..., K).
func QRRawFactors[T Float](a *runtime.Array[T]) (h, tau *runtime.Array[T], err error) {
	f, t, err := qrRaw(a)
	if err != nil {
		return nil, nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	h = runtime.Zeros[T](l.resultShape(n, m)...)
	tau = runtime.Zeros[T](l.resultShape(k)...)
	for b := 0; b < l.count(); b++ {
		fb, hb := f[b*m*n:(b+1)*m*n], h.Data[b*n*m:(b+1)*n*m]
		for rr := 0; rr < m; rr++ {
			for c := 0; c < n; c++ {
				hb[c*m+rr] = T(fb[rr*n+c])
			}
		}
		storeF64(tau.Data[b*k:(b+1)*k], t[b*k:(b+1)*k])
	}
	return h, tau, nil
}

// qrRaw runs geqrf on every matrix of a: the factored matrices (row-major,
// concatenated) and their tau vectors.
func qrRaw[T Float](a *runtime.Array[T]) (f, tau []float64, err error) {
	if err := checkStacked2D(a.Shape); err != nil {
		return nil, nil, err
	}
	nd := len(a.Shape)
	m, n := a.Shape[nd-2], a.Shape[nd-1]
	k := min(m, n)
	l := newLoop(a, 2)
	f, tau = make([]float64, l.count()*m*n), make([]float64, l.count()*k)
	var work []float64
	l.each(func(i int, offs []int) {
		fb := f[i*m*n : (i+1)*m*n]
		loadF64(fb, matAt(a, offs[0]))
		work = geqrf(m, n, fb, n, tau[i*k:(i+1)*k], work)
	})
	return f, tau, nil
}

// geqrf is gonum's Dgeqrf with its workspace grown as needed.
func geqrf(m, n int, a []float64, lda int, tau, work []float64) []float64 {
	if min(m, n) == 0 {
		return work
	}
	q := []float64{0}
	impl.Dgeqrf(m, n, a, lda, tau, q, -1)
	if need := max(int(q[0]), n, 1); len(work) < need {
		work = make([]float64, need)
	}
	impl.Dgeqrf(m, n, a, lda, tau, work, len(work))
	return work
}

// orgqr is gonum's Dorgqr: the first mc columns of Q from k reflectors.
func orgqr(m, mc, k int, a []float64, lda int, tau, work []float64) []float64 {
	q := []float64{0}
	impl.Dorgqr(m, mc, k, a, lda, tau, q, -1)
	if need := max(int(q[0]), mc, 1); len(work) < need {
		work = make([]float64, need)
	}
	impl.Dorgqr(m, mc, k, a, lda, tau, work, len(work))
	return work
}
