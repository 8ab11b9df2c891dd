package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"slices"
)

// Tolerances. Results of LAPACK-style algorithms are only equal to
// numpy's up to rounding, so each function is checked the way numerical
// analysis bounds it, with every bound scaled by what the inputs make of
// rounding:
//
//   - eps is the result dtype's machine epsilon (2^-52, or 2^-23 for
//     float32/complex64, whose results numpy rounds from double);
//     eps64 = 2^-52 is the working precision (numpy computes float32
//     linalg in double, and so do both backends);
//   - cond is the 2-norm condition number of the input (ref.py computes
//     it with numpy), cond_eff the same over the singular values a
//     rank-revealing solver keeps;
//   - safety factor 16 and the problem's order n, as in the textbook
//     bounds (|dx|/|x| <= c n eps cond).
//
// Unique results are compared with numpy's directly (solve, inv, det,
// slogdet, cholesky, QR's factors, lstsq, pinv, eigenvalues, singular
// values, norms, products); where numpy's result is one of several valid
// ones the check is backward-error style instead: eigenvectors through
// A v = w v and orthonormality, SVD factors through U S Vh = A and
// orthonormality. Integer results (ranks, integer matrix powers) and
// every exception (class and message) must be equal.

const (
	eps64  = 0x1p-52
	safety = 16
)

func epsOf(dtype string) float64 {
	switch dtype {
	case "float32", "complex64":
		return 0x1p-23
	}
	return eps64
}

func condOf(p *float64) float64 {
	if p == nil {
		return math.Inf(1)
	}
	return *p
}

func maxAbs(v []complex128) float64 {
	m := 0.0
	for _, x := range v {
		if a := cmplx.Abs(x); a > m && !math.IsInf(a, 0) {
			m = a
		}
	}
	return m
}

// scaled is x*f, 0 when x is 0 whatever f (an infinite condition number
// times a zero result allows nothing).
func scaled(x, f float64) float64 {
	if x == 0 {
		return 0
	}
	return x * f
}

// within reports the largest |g-w| over finite pairs and whether every
// pair is within tol: NaN matches NaN, an infinity only itself.
func within(g, w []complex128, tol float64) (float64, bool) {
	worst, ok := 0.0, true
	for i := range w {
		a, b := g[i], w[i]
		if cmplx.IsNaN(a) || cmplx.IsNaN(b) {
			ok = ok && cmplx.IsNaN(a) && cmplx.IsNaN(b)
			continue
		}
		if cmplx.IsInf(a) || cmplx.IsInf(b) {
			ok = ok && a == b
			continue
		}
		d := cmplx.Abs(a - b)
		worst = max(worst, d)
		if !(d <= tol) {
			ok = false
		}
	}
	return worst, ok
}

// near is within with a message naming the result.
func near(name string, g, w tarr, tol float64) string {
	if d, ok := within(g.v, w.v, tol); !ok {
		return fmt.Sprintf("%s differs from numpy by %.3g > tolerance %.3g", name, d, tol)
	}
	return ""
}

func exact(name string, g, w tarr) string {
	if !slices.Equal(g.v, w.v) {
		return fmt.Sprintf("%s = %v, numpy %v", name, g.v, w.v)
	}
	return ""
}

// cmat is one matrix of a result, row-major.
type cmat struct {
	r, c int
	v    []complex128
}

func (m cmat) at(i, j int) complex128 { return m.v[i*m.c+j] }

// mats splits a stack of matrices (the last two axes).
func mats(x tarr) []cmat {
	nd := len(x.shape)
	r, c := x.shape[nd-2], x.shape[nd-1]
	var out []cmat
	for off := 0; off+r*c <= len(x.v) && (r*c > 0 || off == 0); off += max(r*c, 1) {
		out = append(out, cmat{r, c, x.v[off : off+r*c]})
		if r*c == 0 {
			break
		}
	}
	return out
}

func mul(a, b cmat) cmat {
	out := cmat{a.r, b.c, make([]complex128, a.r*b.c)}
	for i := 0; i < a.r; i++ {
		for k := 0; k < a.c; k++ {
			x := a.at(i, k)
			for j := 0; j < b.c; j++ {
				out.v[i*b.c+j] += x * b.at(k, j)
			}
		}
	}
	return out
}

func conjT(a cmat) cmat {
	out := cmat{a.c, a.r, make([]complex128, a.r*a.c)}
	for i := 0; i < a.r; i++ {
		for j := 0; j < a.c; j++ {
			out.v[j*a.r+i] = cmplx.Conj(a.at(i, j))
		}
	}
	return out
}

// offIdentity is max |m - I|.
func offIdentity(m cmat) float64 {
	d := 0.0
	for i := 0; i < m.r; i++ {
		for j := 0; j < m.c; j++ {
			want := complex(0, 0)
			if i == j {
				want = 1
			}
			d = max(d, cmplx.Abs(m.at(i, j)-want))
		}
	}
	return d
}

// input is the case's i-th argument as a tarr (a C-order copy of the view
// numpy saw).
func (c *refCase) input(i int) tarr { return fromArray(c.args[i]) }

// order is the last axis of the first input (the matrix order).
func (c *refCase) order() int {
	s := c.input(0).shape
	if len(s) == 0 {
		return 1
	}
	return max(s[len(s)-1], 1)
}

// check compares got with numpy's want (same dtypes and shapes) for c's
// function; "" when they agree.
func check(c *refCase, got, want []tarr) string {
	eps := epsOf(want[0].dtype)
	n := float64(c.order())
	cond, condEff := condOf(c.Cond), condOf(c.CondEff)
	rel := func(w tarr, factor float64) float64 {
		return scaled(maxAbs(w.v), eps+safety*n*eps64*factor)
	}
	switch c.Fn {
	case "solve", "inv", "cholesky":
		return near("result", got[0], want[0], rel(want[0], cond))
	case "det":
		// |det| error <= n eps cond |det|, and never more than n eps
		// times Hadamard's bound prod_i |row_i| (which also covers
		// matrices singular to working precision, cond = inf).
		d := max(maxAbs(want[0].v), maxAbs(got[0].v))
		tol := d*eps + safety*n*eps64*min(scaled(d, cond), hadamard(c.input(0)))
		return near("det", got[0], want[0], tol)
	case "slogdet":
		if msg := near("sign", got[0], want[0], safety*n*eps64*cond); msg != "" {
			return msg
		}
		return near("logdet", got[1], want[1], maxAbs(want[1].v)*eps+safety*n*eps64*cond)
	case "eigh", "eigvalsh":
		if msg := near("eigenvalues", got[0], want[0], rel(want[0], 1)); msg != "" {
			return msg
		}
		if c.Fn == "eigh" {
			return eigvecCheck(c, got[0], got[1], eps, true)
		}
	case "eig", "eigvals":
		return eigCheck(c, got, want, eps)
	case "svd":
		return svdCheck(c, got, want, eps)
	case "qr":
		for i := range want {
			if msg := near(fmt.Sprintf("qr result %d", i), got[i], want[i], rel(want[i], cond)); msg != "" {
				return msg
			}
		}
	case "lstsq":
		if msg := exact("rank", got[2], want[2]); msg != "" {
			return msg
		}
		m := float64(max(c.input(0).shape[0], 1))
		if msg := near("singular values", got[3], want[3], maxAbs(want[3].v)*(eps+safety*m*eps64)); msg != "" {
			return msg
		}
		f := safety * max(m, n) * eps64 * condEff * condEff
		if msg := near("x", got[0], want[0], scaled(maxAbs(want[0].v), eps+f)); msg != "" {
			return msg
		}
		b := c.input(1)
		return near("residuals", got[1], want[1], scaled(maxAbs(b.v)*maxAbs(b.v), eps+f)+maxAbs(want[1].v)*eps)
	case "pinv":
		return near("pinv", got[0], want[0], rel(want[0], condEff))
	case "matrix_rank":
		return exact("rank", got[0], want[0])
	case "norm":
		x := c.input(0)
		return near("norm", got[0], want[0], maxAbs(want[0].v)*safety*float64(max(len(x.v), 1))*eps)
	case "matrix_power":
		p := c.args[1].(float64)
		if got[0].dtype == "int64" {
			return exact("power", got[0], want[0])
		}
		f := math.Abs(p)
		if p < 0 {
			f *= cond
		}
		return near("power", got[0], want[0], maxAbs(want[0].v)*safety*n*(eps*math.Abs(p)+eps64*f))
	case "matmul":
		a, b := c.input(0), c.input(1)
		k := float64(max(a.shape[len(a.shape)-1], 1))
		return near("product", got[0], want[0], safety*k*eps*maxAbs(a.v)*maxAbs(b.v))
	default:
		return "no check for " + c.Fn
	}
	return ""
}

// hadamard is the largest over a stack of prod_i |row_i|_2, a bound on
// |det|.
func hadamard(a tarr) float64 {
	h := 0.0
	for _, m := range mats(a) {
		p := 1.0
		for i := 0; i < m.r; i++ {
			s := 0.0
			for j := 0; j < m.c; j++ {
				x := cmplx.Abs(m.at(i, j))
				s += x * x
			}
			p *= math.Sqrt(s)
		}
		h = max(h, p)
	}
	return h
}

// symmetricInput is the matrix eigh reads: the UPLO triangle mirrored.
func symmetricInput(c *refCase) []cmat {
	lower := true
	if u, ok := c.Kw["UPLO"].(string); ok && (u == "U" || u == "u") {
		lower = false
	}
	var out []cmat
	for _, a := range mats(c.input(0)) {
		s := cmat{a.r, a.c, make([]complex128, len(a.v))}
		for i := 0; i < a.r; i++ {
			for j := 0; j < a.c; j++ {
				src := a.at(i, j)
				if (lower && j > i) || (!lower && j < i) {
					src = cmplx.Conj(a.at(j, i))
				}
				s.v[i*a.c+j] = src
			}
		}
		out = append(out, s)
	}
	return out
}

// eigvecCheck checks A v_j = w_j v_j for every column and, for the
// symmetric problem, V^H V = I; for eig, unit columns.
func eigvecCheck(c *refCase, w, v tarr, eps float64, symmetric bool) string {
	var as []cmat
	if symmetric {
		as = symmetricInput(c)
	} else {
		as = mats(c.input(0))
	}
	vs := mats(v)
	n := len(w.shape)
	m := 1
	if n > 0 {
		m = w.shape[n-1]
	}
	for k, a := range as {
		if a.r == 0 {
			continue
		}
		anorm := max(maxAbs(a.v), 1e-300)
		av := mul(a, vs[k])
		tol := safety * float64(a.r) * (eps + 1e-12) * anorm * float64(a.r)
		for i := 0; i < a.r; i++ {
			for j := 0; j < a.c; j++ {
				r := av.at(i, j) - w.v[k*m+j]*vs[k].at(i, j)
				if cmplx.Abs(r) > tol {
					return fmt.Sprintf("matrix %d: |A v - w v| = %.3g > %.3g in column %d", k, cmplx.Abs(r), tol, j)
				}
			}
		}
		g := mul(conjT(vs[k]), vs[k])
		if symmetric {
			if d := offIdentity(g); d > safety*float64(a.r)*eps {
				return fmt.Sprintf("matrix %d: |V^H V - I| = %.3g", k, d)
			}
			continue
		}
		for j := 0; j < a.c; j++ {
			if d := cmplx.Abs(g.at(j, j) - 1); d > safety*float64(a.r)*eps {
				return fmt.Sprintf("matrix %d: eigenvector %d has norm^2 1%+.3g", k, j, d)
			}
		}
	}
	return ""
}

// eigCheck matches eigenvalues as multisets (LAPACK's order is an
// implementation detail), requires exactly real eigenvalues where numpy
// returned a real array, and checks eigenvectors backward.
func eigCheck(c *refCase, got, want []tarr, eps float64) string {
	if want[0].dtype != got[0].dtype {
		for i, x := range got[0].v {
			if imag(x) != 0 {
				return fmt.Sprintf("numpy's eigenvalues are all real; eigenvalue %d is %v", i, x)
			}
		}
	}
	a := c.input(0)
	m := want[0].shape[len(want[0].shape)-1]
	tol := (safety*eps + 1e-10) * max(1, maxAbs(a.v)*float64(max(m, 1)))
	for b := 0; m > 0 && b < len(want[0].v)/m; b++ {
		g := slices.Clone(got[0].v[b*m : (b+1)*m])
		for _, w := range want[0].v[b*m : (b+1)*m] {
			best := -1
			for i, x := range g {
				if best < 0 || cmplx.Abs(x-w) < cmplx.Abs(g[best]-w) {
					best = i
				}
			}
			if d := cmplx.Abs(g[best] - w); d > tol {
				return fmt.Sprintf("numpy's eigenvalue %v has no match within %.3g (nearest %v)", w, tol, g[best])
			}
			g = slices.Delete(g, best, best+1)
		}
	}
	if c.Fn == "eig" {
		return eigvecCheck(c, got[0], got[1], eps, false)
	}
	return ""
}

// svdCheck compares singular values with numpy's and checks the factors
// backward: U S Vh = A and orthonormal U and Vh.
func svdCheck(c *refCase, got, want []tarr, eps float64) string {
	a := c.input(0)
	nd := len(a.shape)
	m, n := a.shape[nd-2], a.shape[nd-1]
	sIdx := 0
	if len(got) == 3 {
		sIdx = 1
	}
	s := got[sIdx]
	smax := maxAbs(want[sIdx].v)
	dim := float64(max(m, n, 1))
	if msg := near("singular values", s, want[sIdx], smax*(eps+safety*dim*eps64)); msg != "" {
		return msg
	}
	if len(got) == 1 {
		return ""
	}
	k := min(m, n)
	us, vhs, as := mats(got[0]), mats(got[2]), mats(a)
	tol := safety * dim * eps * max(smax, 1e-300) * float64(max(k, 1))
	for b := range as {
		if k == 0 {
			break
		}
		u, vh := us[b], vhs[b]
		rec := cmat{m, n, make([]complex128, m*n)}
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				for l := 0; l < k; l++ {
					rec.v[i*n+j] += u.at(i, l) * s.v[b*k+l] * vh.at(l, j)
				}
			}
		}
		if d, ok := within(rec.v, as[b].v, tol); !ok {
			return fmt.Sprintf("matrix %d: |U S Vh - A| = %.3g > %.3g", b, d, tol)
		}
		if d := offIdentity(mul(conjT(u), u)); d > safety*dim*eps {
			return fmt.Sprintf("matrix %d: |U^H U - I| = %.3g", b, d)
		}
		if d := offIdentity(mul(vh, conjT(vh))); d > safety*dim*eps {
			return fmt.Sprintf("matrix %d: |Vh Vh^H - I| = %.3g", b, d)
		}
	}
	return ""
}
