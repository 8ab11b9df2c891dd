package opt

import "github.com/pyc2go/pyc2go/ir"

const checkElimDoc = "checkelim deletes every Check whose condition folds to the constant true (x // 2 needs no zero check); a Check that folds to false stays, since it always raises."

// checkElim removes the checks that can never fail. It folds each
// condition itself (on a copy's result only: the Check is either deleted or
// left exactly as it was) so that it works with constfold disabled.
func checkElim(f *ir.Func) {
	walkBlocks(f.Body, func(b *ir.Block) {
		out := b.Stmts[:0]
		for _, s := range b.Stmts {
			if c, ok := s.(*ir.Check); ok && alwaysTrue(c.Cond) {
				continue
			}
			out = append(out, s)
		}
		// Clear the tail so deleted statements are not kept alive.
		for i := len(out); i < len(b.Stmts); i++ {
			b.Stmts[i] = nil
		}
		b.Stmts = out
	})
}

// alwaysTrue reports whether e folds to the constant true.
func alwaysTrue(e ir.Expr) bool {
	c, ok := foldExpr(cloneExpr(e)).(*ir.ConstExpr)
	return ok && c.Value == true
}

// cloneExpr copies an expression tree (variables are shared, not copied).
func cloneExpr(e ir.Expr) ir.Expr {
	switch e := e.(type) {
	case *ir.ConstExpr:
		c := *e
		return &c
	case *ir.VarRef:
		return &ir.VarRef{V: e.V}
	case *ir.Unary:
		return &ir.Unary{Op: e.Op, X: cloneExpr(e.X)}
	case *ir.Binary:
		return &ir.Binary{Op: e.Op, X: cloneExpr(e.X), Y: cloneExpr(e.Y)}
	case *ir.Convert:
		return &ir.Convert{X: cloneExpr(e.X), T: e.T}
	case *ir.Intrinsic:
		return &ir.Intrinsic{Name: e.Name, Args: cloneExprs(e.Args), T: e.T}
	case *ir.Call:
		return &ir.Call{Fn: e.Fn, Args: cloneExprs(e.Args)}
	case *ir.Dim:
		d := *e
		return &d
	case *ir.Load:
		return &ir.Load{Arr: e.Arr, Offset: cloneExpr(e.Offset)}
	}
	return e
}

func cloneExprs(es []ir.Expr) []ir.Expr {
	out := make([]ir.Expr, len(es))
	for i, e := range es {
		out[i] = cloneExpr(e)
	}
	return out
}
