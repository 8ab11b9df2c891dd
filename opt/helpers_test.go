package opt

import "github.com/pyc2go/pyc2go/ir"

// intr and not build IR the way lower spells it, for hand-written test
// functions.
func intr(name string, t ir.Type, args ...ir.Expr) *ir.Intrinsic {
	return &ir.Intrinsic{Name: name, Args: args, T: t}
}

func not(e ir.Expr) ir.Expr { return &ir.Unary{Op: ir.Not, X: e} }
