package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// cov lowers np.cov(m, rowvar=, bias=, ddof=) of a 2-d real array with
// numpy 1.24's steps (numpy/lib/function_base.py):
//
//	X = np.array(m, dtype=float64)        a C-ordered copy
//	X = X.T unless rowvar                 a view
//	if X.shape[0] == 0: return (0, 0)
//	avg = X.mean(axis=1)                  numpy's summation order
//	fact = N - ddof (ddof = 0 if bias else 1 when not given), 0 if <= 0
//	X -= avg[:, None]
//	c = X @ X.T; c *= 1 / fact            a reciprocal, as true_divide(1, fact)
//	return c.squeeze()
//
// The squeeze makes a 0-d array of one variable's covariance, which the
// compiled function, typed as a matrix, raises NotImplementedError for.
func (l *fnLowerer) cov(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	constBool := func(name string, def bool) bool {
		if x := ci.Kwargs[name]; x != nil {
			if c, ok := l.expr(x).(*ir.ConstExpr); ok {
				b, _ := c.Value.(bool)
				return b
			}
			l.errorf(x, "unsupported: %s must be a constant", name)
		}
		return def
	}
	rowvar, bias := constBool("rowvar", true), constBool("bias", false)
	var ddof ir.Expr = ir.Int(1)
	if bias {
		ddof = ir.Int(0)
	}
	if x := ci.Kwargs["ddof"]; x != nil && !isNone(x) {
		ddof = l.simple(cv(l.expr(x), ir.Int64), pos)
	}
	mv := l.viewOf(ci.Args[0])
	mt := l.typeOf(ci.Args[0]).(*ir.Array)
	xc := l.temp(&ir.Array{Elem: ir.Float64, Rank: 2, Contig: true})
	l.emit(&ir.Alloc{Dst: xc, Shape: mv.shape, Pos: pos})
	l.storeLoopShape(xc, &fnode{e: ci.Args[0], leaf: true, av: mv, shape: mv.shape, elem: mt.Elem}, mv.shape, pos)
	xv := wholeView(xc)
	if !rowvar {
		// numpy transposes X unless it has one row, which makes one
		// variable (a 0-d result) either way.
		l.check(ir.Bin(ir.Ne, mv.shape[0], ir.Int(1)), "NotImplementedError", faultCovOneMsg, pos)
		xv = l.transpose(xv)
	}
	x := l.materialize(xv, &ir.Array{Elem: ir.Float64, Rank: 2}, pos)
	xv = wholeView(x)
	n, cols := l.cheap(xv.shape[0], pos), l.cheap(xv.shape[1], pos)
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: []ir.Expr{n, n}, Pos: pos}) // zero-filled
	// numpy returns the empty matrix before anything can fail.
	work := l.block(func() {
		l.check(ir.Bin(ir.Ne, n, ir.Int(1)), "NotImplementedError", faultCovOneMsg, pos)
		avg := l.temp(&ir.Array{Elem: ir.Float64, Rank: 1, Contig: true})
		l.emit(&ir.Assign{Dst: avg, Src: intr("np_sum_axis", avg.Type, ir.Ref(x), ir.Int(1)), Pos: pos})
		fn := l.spill(cv(cols, ir.Float64), pos)
		fact := l.spill(ir.Bin(ir.Sub, cols, ddof), pos)
		l.emit(&ir.If{Cond: ir.Bin(ir.Le, fact, ir.Int(0)),
			Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: fact.(*ir.VarRef).V, Src: ir.Int(0), Pos: pos}}}, Pos: pos})
		av := wholeView(avg)
		l.loopNest([]ir.Expr{n, cols}, pos, func(ivs []ir.Expr) {
			off := l.spill(flatOff(xv, ivs, nil), pos)
			mean := ir.Bin(ir.Div, &ir.Load{Arr: avg, Offset: flatOff(av, ivs[:1], nil)}, fn)
			l.emit(&ir.Store{Arr: x, Offset: off, Val: ir.Bin(ir.Sub, &ir.Load{Arr: x, Offset: off}, mean), Pos: pos})
		})
		l.matmulInto(wholeView(out), xv, l.transpose(xv), cols, ir.Float64, pos)
		r := l.spill(ir.Bin(ir.Div, ir.Float(1), cv(fact, ir.Float64)), pos)
		ov := wholeView(out)
		l.loopNest([]ir.Expr{n, n}, pos, func(ivs []ir.Expr) {
			off := l.spill(flatOff(ov, ivs, nil), pos)
			l.emit(&ir.Store{Arr: out, Offset: off, Val: ir.Bin(ir.Mul, &ir.Load{Arr: out, Offset: off}, r), Pos: pos})
		})
	})
	l.emit(&ir.If{Cond: ir.Bin(ir.Gt, n, ir.Int(0)), Then: &ir.Block{Stmts: work}, Pos: pos})
	return out
}

// faultCovOneMsg is numpy.faultCovOne's message.
const faultCovOneMsg = "np.cov of a single variable returns a 0-d array, which pyc2go does not compile; use np.var(x, ddof=1)"
