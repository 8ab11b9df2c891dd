package numpy

import (
	"github.com/pyc2go/pyc2go/ir"
)

// np.linalg: one row per function, lowered to a call of the linalg
// runtime (runtime/linalg on gonum for Go, pyc2go_linalg.c on LAPACKE and
// OpenBLAS for C), which computes in double precision as numpy does and
// raises numpy's LinAlgError with numpy's message.
//
// Dtypes follow numpy's _commonType: integer and bool matrices are
// converted to float64, float32 stays float32 (computed in double and
// rounded), float64 and complex128 stay. complex64 is refused (numpy
// computes it in complex128 and rounds; the runtimes have no complex64
// entry points), and so are complex matrices for the functions the Go
// runtime only has for real ones (NotYet). Every result is inexact: two
// LAPACKs (gonum's, OpenBLAS's) round differently, and where a
// factorisation is not unique (eigenvector and singular vector signs,
// eig's order) the runtimes' doc comments say what may differ.

// Faults of the linalg rows, numpy's words (numpy/linalg/linalg.py).
var (
	faultSingular  = Fault{"LinAlgError", "Singular matrix", "the matrix is singular (an exactly zero pivot)"}
	faultNotSquare = Fault{"LinAlgError", "Last 2 dimensions of the array must be square", "the matrix is not square"}
	faultNotPosDef = Fault{"LinAlgError", "Matrix is not positive definite", "the matrix is not (numerically) positive definite"}
	faultStacked   = Fault{"LinAlgError", "%d-dimensional array given. Array must be at least two-dimensional", "the operand has fewer than two axes (checked when compiling)"}
	faultEigConv   = Fault{"LinAlgError", "Eigenvalues did not converge", "the iteration fails (NaN or infinite input)"}
	faultSVDConv   = Fault{"LinAlgError", "SVD did not converge", "the iteration fails (NaN or infinite input)"}
)

// la is a row of np.linalg.
func la(name, sig, accepts string, rule TypeRule, notYet Classes, example, doc string, raises ...Fault) *Row {
	return &Row{Name: name, Module: "linalg", Kind: Linalg, Forms: Func, Sig: sig, Accepts: accepts, Type: rule,
		Inexact: All, NotYet: notYet, Raises: raises, Example: example, Doc: doc}
}

// exactInts marks a row exact for integer operands (matrix_power's
// wrapping integer products).
func exactInts(r *Row) *Row {
	r.Inexact &^= Ints
	return r
}

// linalgRows are the np.linalg rows, in the docs' order.
func linalgRows() []*Row {
	return []*Row{
		la("solve", "a, b", "", laSolve, 0, "np.linalg.solve(a, b)",
			"x with a @ x == b; b is a vector (one axis fewer than a) or a matrix; leading axes of stacks broadcast",
			faultSingular, faultNotSquare),
		la("inv", "a", "", laSame(2, ""), 0, "np.linalg.inv(a)", "the inverse (LAPACK gesv against the identity, as numpy)",
			faultSingular, faultNotSquare),
		la("det", "a", "", laSame(0, ""), 0, "np.linalg.det(a)",
			"the determinant, numpy's sign * exp(logdet) of the LU factors (0.0 for a singular matrix)", faultNotSquare),
		la("slogdet", "a", "", laSlogdet, 0, "np.linalg.slogdet(a)",
			"the tuple (sign, logabsdet); sign is 0.0 and logabsdet -inf for a singular matrix", faultNotSquare),
		la("cholesky", "a", "", laSame(2, ""), 0, "np.linalg.cholesky(a)",
			"the lower triangular L with L @ L.T == a (only a's lower triangle is read)", faultNotPosDef, faultNotSquare),
		exactInts(la("matrix_power", "a, n", "", laMatrixPower, 0, "np.linalg.matrix_power(a, 3)",
			"a to an integer power by repeated squaring (n < 0 inverts first); integer matrices stay integer (wrapping) for n >= 0, n must then be a constant",
			faultSingular, faultNotSquare)),
		la("norm", "x, ord=None, axis=None, keepdims=False", "ord axis keepdims", laNorm, 0, "np.linalg.norm(a)",
			"vector norms (ord a number, inf, -inf) and matrix norms (ord 'fro', 'nuc', 1, -1, 2, -2, inf, -inf) over axis= (an int or a tuple of two ints, constant)",
			Fault{"ValueError", "Invalid norm order for matrices.", "ord is no matrix norm"}),
		la("eigh", "a, UPLO='L'", "UPLO", laEigh(true), Complexes, "np.linalg.eigh(a)",
			"the tuple (w, v) of a symmetric matrix: ascending eigenvalues, eigenvectors as columns (their signs are LAPACK's choice: may differ from numpy's in Go)",
			faultEigConv, faultNotSquare),
		la("eigvalsh", "a, UPLO='L'", "UPLO", laEigh(false), Complexes, "np.linalg.eigvalsh(a)",
			"the ascending eigenvalues of a symmetric matrix", faultEigConv, faultNotSquare),
		la("eig", "a", "", laEig(true), Complexes, "np.linalg.eig(a)",
			"the tuple (w, v), always complex (numpy returns real arrays when every eigenvalue is real: compare values, not dtypes); their order is LAPACK's",
			faultEigConv, faultNotSquare),
		la("eigvals", "a", "", laEig(false), Complexes, "np.linalg.eigvals(a)",
			"the eigenvalues, always complex (see eig)", faultEigConv, faultNotSquare),
		la("svd", "a, full_matrices=True, compute_uv=True, hermitian=False", "full_matrices compute_uv", laSVD, Complexes, "np.linalg.svd(a)",
			"the tuple (u, s, vh), or s for compute_uv=False (a constant); descending singular values; vector signs may differ from numpy's in Go",
			faultSVDConv),
		la("qr", "a, mode='reduced'", "mode", laQR, Complexes, "np.linalg.qr(a)",
			"the tuple (q, r) for mode 'reduced' or 'complete', r for 'r', (h, tau) for 'raw' (mode a constant string)"),
		la("lstsq", "a, b, rcond='warn'", "rcond", laLstsq, Complexes, "np.linalg.lstsq(a, b, rcond=None)",
			"the tuple (x, residuals, rank, s); rcond=None is numpy's eps * max(M, N), an omitted rcond numpy's old default -1 (without its FutureWarning)",
			Fault{"LinAlgError", "Incompatible dimensions", "a and b have different numbers of rows"}, faultSVDConv),
		la("pinv", "a, rcond=1e-15, hermitian=False", "rcond", laSame(2, "rcond"), Complexes, "np.linalg.pinv(a)",
			"the pseudo-inverse through the SVD, singular values below rcond * max(s) dropped", faultSVDConv),
		la("matrix_rank", "A, tol=None, hermitian=False", "tol", laMatrixRank, Complexes, "np.linalg.matrix_rank(a)",
			"the number of singular values above tol (numpy's default S.max() * max(M, N) * eps)", faultSVDConv),
	}
}

// LinalgElem is the element type np.linalg computes and returns for
// operands of kind k (numpy's _commonType): float64 for bool and the
// integers, k itself for float32, float64 and complex128; ok false for
// complex64, which pyc2go does not compile.
func LinalgElem(k ir.Scalar) (ir.Scalar, bool) {
	switch {
	case k == ir.Float32 || k == ir.Float64 || k == ir.Complex128:
		return k, true
	case k.IsComplex():
		return 0, false
	}
	return ir.Float64, true
}

// matrixOperand returns operand i as an array of at least two axes and
// the element type the function computes in.
func (c *Call) matrixOperand(i, minRank int) (*ir.Array, ir.Scalar, bool) {
	a, ok := c.array(i)
	if !ok {
		return nil, 0, false
	}
	if a.Rank < minRank {
		// numpy's _assert_stacked_2d, certain at compile time.
		c.Errorf(i, "%d-dimensional array given. Array must be at least two-dimensional", a.Rank)
		return nil, 0, false
	}
	k, ok := LinalgElem(a.Elem)
	if !ok {
		c.Errorf(i, "unsupported: %s() of %s (not supported yet); convert it with .astype(np.complex128)", c.Disp, AnArray(a.Elem))
		return nil, 0, false
	}
	return a, k, true
}

// laResult is a result of rank r: the scalar k for rank 0.
func laResult(k ir.Scalar, r int) ir.Type {
	if r == 0 {
		return k
	}
	return Fresh(k, r)
}

// laSame types a function of a matrix (or a stack of them) whose result
// keeps keep of the matrix's two axes: 2 for inv, 0 for det. opt names
// an optional real argument (pinv's rcond), if any.
func laSame(keep int, opt string) TypeRule {
	return func(c *Call) ir.Type {
		a, k, ok := c.matrixOperand(0, 2)
		if !ok || opt != "" && !c.optFloat(opt) {
			return nil
		}
		return laResult(k, a.Rank-2+keep)
	}
}

// laCommon is the element type of two operands (numpy's _commonType):
// complex128 if either is complex, float32 if both are float32, else
// float64.
func laCommon(x, y ir.Scalar) ir.Scalar {
	switch {
	case x.IsComplex() || y.IsComplex():
		return ir.Complex128
	case x == ir.Float32 && y == ir.Float32:
		return ir.Float32
	}
	return ir.Float64
}

func laSolve(c *Call) ir.Type {
	a, ka, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	b, kb, ok := c.matrixOperand(1, 1)
	if !ok {
		return nil
	}
	core := 2
	if b.Rank == a.Rank-1 {
		core = 1 // b is a vector (of a stack)
	}
	return Fresh(laCommon(ka, kb), max(a.Rank-2, b.Rank-core)+core)
}

func laSlogdet(c *Call) ir.Type {
	a, k, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	return &ir.Tuple{Elems: []ir.Type{laResult(k, a.Rank-2), laResult(realOf(k), a.Rank-2)}}
}

// realOf is the real type of k (k for a real type).
func realOf(k ir.Scalar) ir.Scalar {
	switch k {
	case ir.Complex64:
		return ir.Float32
	case ir.Complex128:
		return ir.Float64
	}
	return k
}

// complexOf is the complex type of a real k (eig's results).
func complexOf(k ir.Scalar) ir.Scalar {
	if k == ir.Float32 {
		return ir.Complex64
	}
	return ir.Complex128
}

func laMatrixPower(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if a.Rank < 2 {
		c.Errorf(0, "%d-dimensional array given. Array must be at least two-dimensional", a.Rank)
		return nil
	}
	if n, isS := c.Args[1].(ir.Scalar); !isS || !n.IsInt() || n == ir.Bool {
		if c.Args[1] != nil {
			c.Errorf(1, "exponent must be an integer")
		}
		return nil
	}
	if a.Elem.IsInt() || a.Elem == ir.Bool {
		// numpy keeps an integer matrix's dtype for n >= 0 and inverts
		// (in float64) for n < 0: the result type depends on n's sign.
		n, consts := c.ConstInts(1)
		switch {
		case !consts[0]:
			c.Errorf(1, "unsupported: matrix_power of an integer matrix with an exponent that is not a constant (its sign decides the result's dtype); convert the matrix with .astype(np.float64)")
			return nil
		case n[0] < 0:
			return Fresh(ir.Float64, a.Rank)
		case a.Elem != ir.Int64:
			c.Errorf(0, "unsupported: %s() of %s (not supported yet); convert it with .astype(np.int64)", c.Disp, AnArray(a.Elem))
			return nil
		}
		return Fresh(ir.Int64, a.Rank)
	}
	_, k, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	return Fresh(k, a.Rank)
}

func laEigh(vectors bool) TypeRule {
	return func(c *Call) ir.Type {
		a, k, ok := c.matrixOperand(0, 2)
		if !ok {
			return nil
		}
		s, isS := c.OptString("UPLO")
		if _, given := c.Opts["UPLO"]; given || isS {
			if !isS || (s != "L" && s != "U") {
				c.OptErrorf("UPLO", "UPLO argument must be 'L' or 'U' (a constant string)")
				return nil
			}
		}
		w := Fresh(k, a.Rank-1)
		if !vectors {
			return w
		}
		return &ir.Tuple{Elems: []ir.Type{w, Fresh(k, a.Rank)}}
	}
}

func laEig(vectors bool) TypeRule {
	return func(c *Call) ir.Type {
		a, k, ok := c.matrixOperand(0, 2)
		if !ok {
			return nil
		}
		ck := complexOf(k)
		w := Fresh(ck, a.Rank-1)
		if !vectors {
			return w
		}
		return &ir.Tuple{Elems: []ir.Type{w, Fresh(ck, a.Rank)}}
	}
}

func laSVD(c *Call) ir.Type {
	a, k, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	if !c.optBool("full_matrices") {
		return nil
	}
	uv := true
	if _, given := c.Opts["compute_uv"]; given {
		v, isC := c.OptBool("compute_uv")
		if !isC {
			c.OptErrorf("compute_uv", "unsupported: compute_uv must be True or False, a constant (it decides the result's type)")
			return nil
		}
		uv = v
	}
	s := Fresh(k, a.Rank-1)
	if !uv {
		return s
	}
	return &ir.Tuple{Elems: []ir.Type{Fresh(k, a.Rank), s, Fresh(k, a.Rank)}}
}

// optBool checks that the optional argument name, when given, is a bool
// (which may be computed at run time); ok false after an error.
func (c *Call) optBool(name string) bool {
	t, given := c.Opts[name]
	switch {
	case !given:
		return true
	case t == nil:
		return false // reported
	}
	if s, isS := t.(ir.Scalar); !isS || s != ir.Bool {
		c.OptErrorf(name, "unsupported: %s must be a bool", name)
		return false
	}
	return true
}

func laQR(c *Call) ir.Type {
	a, k, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	if a.Rank != 2 {
		c.Errorf(0, "unsupported: %s() of a stack of matrices (numpy 1.24 takes one matrix)", c.Disp)
		return nil
	}
	mode, isS := c.OptString("mode")
	if _, given := c.Opts["mode"]; given && !isS {
		c.OptErrorf("mode", "unsupported: mode must be a constant string")
		return nil
	}
	if !isS {
		mode = "reduced"
	}
	m := Fresh(k, 2)
	switch mode {
	case "reduced", "complete":
		return &ir.Tuple{Elems: []ir.Type{m, m}}
	case "r":
		return m
	case "raw":
		return &ir.Tuple{Elems: []ir.Type{m, Fresh(k, 1)}}
	}
	c.OptErrorf("mode", "Unrecognized mode '%s'", mode)
	return nil
}

func laLstsq(c *Call) ir.Type {
	a, ka, ok := c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	b, kb, ok := c.matrixOperand(1, 1)
	if !ok {
		return nil
	}
	if a.Rank != 2 || b.Rank > 2 {
		c.Errorf(-1, "%d-dimensional array given. Array must be two-dimensional", max(a.Rank, b.Rank))
		return nil
	}
	if !c.optFloat("rcond") {
		return nil
	}
	k := laCommon(ka, kb)
	return &ir.Tuple{Elems: []ir.Type{Fresh(k, b.Rank), Fresh(k, 1), ir.Int32, Fresh(k, 1)}}
}

// optFloat checks that the optional argument name, when given, is None
// or a real number.
func (c *Call) optFloat(name string) bool {
	t, given := c.Opts[name]
	if !given || t == ir.None {
		return true
	}
	if t == nil {
		return false
	}
	if s, isS := t.(ir.Scalar); !isS || s.IsComplex() {
		c.OptErrorf(name, "unsupported: %s must be a real number or None", name)
		return false
	}
	return true
}

func laMatrixRank(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok || !c.optFloat("tol") {
		return nil
	}
	if a.Rank < 2 {
		if _, ok := LinalgElem(a.Elem); !ok || a.Elem.IsComplex() {
			c.Errorf(0, "unsupported: %s() of %s (not supported yet)", c.Disp, AnArray(a.Elem))
			return nil
		}
		return ir.Int64
	}
	_, _, ok = c.matrixOperand(0, 2)
	if !ok {
		return nil
	}
	return laResult(ir.Int64, a.Rank-2)
}

// laNorm types norm: ord a number, None or a constant string; axis None,
// a constant int or a tuple of two constant ints; keepdims a constant.
func laNorm(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	k, ok := LinalgElem(a.Elem)
	if !ok {
		c.Errorf(0, "unsupported: %s() of %s (not supported yet)", c.Disp, AnArray(a.Elem))
		return nil
	}
	// ord: a constant string ("fro", "nuc"), None, or a real number
	// (a constant like np.inf, or a value known at run time).
	ordStr, isStr := c.OptString("ord")
	ordT, ordGiven := c.Opts["ord"]
	ordGiven = isStr || ordGiven && ordT != ir.None
	if ordGiven && !isStr {
		if s, isS := ordT.(ir.Scalar); !isS || s.IsComplex() {
			if ordT != nil {
				c.OptErrorf("ord", "unsupported: ord must be a number, None or a constant string")
			}
			return nil
		}
	}
	keep := false
	if _, given := c.Opts["keepdims"]; given {
		v, isC := c.OptBool("keepdims")
		if !isC {
			c.OptErrorf("keepdims", "unsupported: keepdims must be True or False, a constant (it decides the result's rank)")
			return nil
		}
		keep = v
	}
	naxes := -1 // axis=None
	if t, given := c.Opts["axis"]; given && t != ir.None {
		axes, consts := c.OptConstInts("axis")
		if axes == nil || len(axes) > 2 {
			c.OptErrorf("axis", "unsupported: axis must be None, a constant int or a tuple of two constant ints")
			return nil
		}
		for i, x := range axes {
			if !consts[i] {
				c.OptErrorf("axis", "unsupported: axis must be None, a constant int or a tuple of two constant ints")
				return nil
			}
			if x < -int64(a.Rank) || x >= int64(a.Rank) {
				c.OptErrorf("axis", "axis %d is out of bounds for array of dimension %d", x, a.Rank)
				return nil
			}
		}
		naxes = len(axes)
	}
	// The norm's own dimensions: numpy decides vector or matrix by them.
	nd := naxes
	if nd < 0 {
		nd = a.Rank
		if ordGiven && nd > 2 {
			c.Errorf(0, "Improper number of dimensions to norm.")
			return nil
		}
	}
	if nd == 2 && ordGiven && a.Elem.IsComplex() {
		// The Go runtime has no complex SVD: the spectral and nuclear
		// norms of complex matrices are refused, so ord must be known.
		p, isC := c.OptConstFloat("ord")
		if isStr && ordStr == "nuc" || !isStr && (!isC || p == 2 || p == -2) {
			c.OptErrorf("ord", "unsupported: the spectral or nuclear norm of a complex matrix, or a complex matrix norm whose ord is not a constant (not supported yet)")
			return nil
		}
	}
	switch {
	case keep:
		return Fresh(realOf(k), a.Rank)
	case naxes < 0:
		return realOf(k)
	}
	return laResult(realOf(k), a.Rank-naxes)
}
