package opt

import "github.com/pyc2go/pyc2go/ir"

const checkElimDoc = "checkelim deletes every Check whose condition folds to the constant true (x // 2 needs no zero check); a Check that folds to false stays, since it always raises."

// checkElim removes the checks that can never fail. It folds each
// condition itself (on a copy's result only: the Check is either deleted or
// left exactly as it was) so that it works with constfold disabled.
func checkElim(f *ir.Func) {
	deleteChecks(f, func(c *ir.Check) bool { return alwaysTrue(c.Cond) })
}

// deleteChecks deletes the checks of f that del selects.
func deleteChecks(f *ir.Func, del func(*ir.Check) bool) {
	ir.Apply(f.Body, func(c *ir.Cursor) bool {
		switch s := c.Node().(type) {
		case *ir.Check:
			if del(s) {
				c.Delete()
			}
			return false
		case ir.Expr:
			return false // no statement below
		}
		return true
	}, nil)
}

// alwaysTrue reports whether e folds to the constant true.
func alwaysTrue(e ir.Expr) bool {
	c, ok := foldExpr(ir.CloneExpr(e)).(*ir.ConstExpr)
	return ok && c.Value == true
}
