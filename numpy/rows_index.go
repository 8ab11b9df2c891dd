package numpy

import "github.com/pyc2go/pyc2go/ir"

// The rows of issue 13's indexing breadth: selections by index array
// (np.take) and the counts and positions of true elements.

// indexRows lists them; allRows appends them to the table.
func indexRows() []*Row {
	return []*Row{
		{Name: "take", Kind: Manipulation, Forms: Func | Meth, Sig: "a, indices, axis=None, out=None, mode='raise'", MethodSig: "indices, axis=None, out=None, mode='raise'",
			Accepts: "axis", Type: take, Example: "np.take(a, np.arange(n), axis=1)", Tests: []string{"np.take(v, np.arange(n) - i)", "v.take(np.arange(n))", "np.take(a, np.arange(i), axis=0)"},
			Raises: []Fault{faultTakeBounds, faultTakeEmpty},
			Doc:    "the elements at an int array of positions along a constant axis, as a[idx] (of the flattened array without axis=; 1-d arrays only)"},
		{Name: "count_nonzero", Kind: Reduction, Forms: Func, Sig: "a, axis=None, *, keepdims=False", Accepts: "axis keepdims",
			Type: countNonzero, Example: "np.count_nonzero(a > 0.5)", Tests: []string{"np.count_nonzero(a, axis=0)"},
			Doc: "the number of nonzero (true) elements, an int; along a constant axis an int64 array"},
		{Name: "nonzero", Kind: Manipulation, Forms: Func | Meth, Sig: "a", MethodSig: "", Type: nonzero,
			Example: "np.nonzero(a > x)", Tests: []string{"np.nonzero(v)[0]", "(v > 0).nonzero()"},
			Doc: "the indices of the nonzero (true) elements: a tuple of one int64 array per axis, in C order"},
		{Name: "flatnonzero", Kind: Manipulation, Forms: Func, Sig: "a", Type: positions(1),
			Example: "np.flatnonzero(a > x)", Doc: "the flat (C-order) indices of the nonzero elements, an int64 array"},
		{Name: "argwhere", Kind: Manipulation, Forms: Func, Sig: "a", Type: positions(2),
			Example: "np.argwhere(a > x)", Doc: "the indices of the nonzero elements as rows of an (N, a.ndim) int64 array"},
		{Name: "cov", Kind: Product, Forms: Func, Sig: "m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None",
			Accepts: "rowvar bias ddof", Type: cov, Inexact: Ints | Floats, NotYet: Complexes,
			Example: "np.cov(a)", Tests: []string{"np.cov(a, rowvar=False)", "np.cov(a, bias=True)", "np.cov(a, ddof=i)"},
			Raises: []Fault{faultCovOne},
			Doc:    "the covariance matrix of a 2-d array's rows (its columns with rowvar=False), float64, numpy's steps (mean, centre, X·Xᵀ, times 1/(N - ddof)); products summed in k order, not BLAS's"},
	}
}

// faultCovOne is raised where numpy returns a 0-d array (one variable),
// which a 2-d result cannot be.
var faultCovOne = Fault{"NotImplementedError", "np.cov of a single variable returns a 0-d array, which pyc2go does not compile; use np.var(x, ddof=1)", "the array holds one variable"}

// cov types np.cov(m, rowvar=, bias=, ddof=) of a 2-d real array: a
// float64 matrix. rowvar and bias must be constants (numpy's result
// shape and divisor depend on them); a 1-d m gives numpy a 0-d array.
func cov(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if a.Rank != 2 {
		if a.Rank > 2 {
			c.Errorf(0, "m has more than 2 dimensions")
		} else {
			c.Errorf(0, "unsupported: %s() of a %d-d array (numpy returns a 0-d array); write np.var(x, ddof=1) for one variable or pass a 2-d array", c.Disp, a.Rank)
		}
		return nil
	}
	if a.Elem.IsComplex() {
		c.Errorf(0, "unsupported: %s() of a complex array (not supported yet)", c.Disp)
		return nil
	}
	for _, name := range []string{"rowvar", "bias"} {
		if _, given := c.Opts[name]; given {
			if _, isC := c.OptBool(name); !isC {
				c.OptErrorf(name, "unsupported: %s must be True or False written as a constant", name)
				return nil
			}
		}
	}
	if t, given := c.Opts["ddof"]; given && !c.OptNone("ddof") {
		if s, isS := t.(ir.Scalar); !isS || !s.IsInt() {
			c.OptErrorf("ddof", "unsupported: ddof must be an int (numpy: ddof must be integer)")
			return nil
		}
	}
	return Fresh(ir.Float64, 2)
}

// nonzero types np.nonzero(a) / a.nonzero(): one int64 array per axis.
func nonzero(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	if a.Rank == 0 {
		c.Errorf(0, "unsupported: %s() of a 0-d array; write np.atleast_1d or test the value", c.Disp)
		return nil
	}
	t := &ir.Tuple{}
	for range a.Rank {
		t.Elems = append(t.Elems, Fresh(ir.Int64, 1))
	}
	return t
}

// positions types np.flatnonzero (rank 1) and np.argwhere (rank 2): a
// fresh int64 array.
func positions(rank int) TypeRule {
	return func(c *Call) ir.Type {
		if _, ok := c.array(0); !ok {
			return nil
		}
		return Fresh(ir.Int64, rank)
	}
}

// faultTakeBounds is np.take's IndexError, the one of a[idx].
var faultTakeBounds = Fault{"IndexError", ir.MsgIndexBounds, "an index out of range"}

// faultTakeEmpty is np.take's IndexError for indices into an empty axis.
var faultTakeEmpty = Fault{"IndexError", "cannot do a non-empty take from an empty axes.", "indices into an empty axis (with a non-empty result)"}

// take types np.take(a, indices, axis=None) and a.take(...): a fresh
// array of a's dtype whose axis is replaced by the indices' axes. Without
// axis= numpy flattens a: supported for 1-d a only.
func take(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	idx, ok := c.Args[1].(*ir.Array)
	if !ok || !idx.Elem.IsInt() {
		if c.Args[1] != nil {
			c.Errorf(1, "unsupported: %s() with %s indices; pass an integer array", c.Disp, TypeName(c.Args[1]))
		}
		return nil
	}
	c.Axis = -1
	if _, given := c.Opts["axis"]; !given || c.OptNone("axis") {
		if a.Rank != 1 {
			c.Errorf(0, "unsupported: %s() without axis= of a %d-d array (numpy flattens it); write %s(a.ravel(), idx) or give axis=", c.Disp, a.Rank, c.Disp)
			return nil
		}
		c.Axis = 0
		return Fresh(a.Elem, idx.Rank)
	}
	ax, ok := c.constAxis(a, 0)
	if !ok {
		return nil
	}
	c.Axis = ax
	rank := a.Rank - 1 + idx.Rank
	if rank > MaxRank {
		c.Errorf(-1, "unsupported: arrays of rank %d; ranks 1 to %d are supported", rank, MaxRank)
		return nil
	}
	return Fresh(a.Elem, rank)
}

// countNonzero types np.count_nonzero: an int, or an int64 array along a
// constant axis (c.Axis as reductions set it).
func countNonzero(c *Call) ir.Type {
	a, ok := c.array(0)
	if !ok {
		return nil
	}
	c.Axis = -1
	if c.Opts["keepdims"] != nil && !c.keepDimsConst() {
		return nil
	}
	keep := c.keepDims()
	if _, given := c.Opts["axis"]; given && !c.OptNone("axis") {
		ax, ok := c.constAxis(a, 0)
		if !ok {
			return nil
		}
		if a.Rank > 1 {
			c.Axis = ax
		}
	}
	switch {
	case keep:
		return Fresh(ir.Int64, a.Rank)
	case c.Axis < 0:
		return ir.Int64
	}
	return Fresh(ir.Int64, a.Rank-1)
}
