package lower

// Which expressions lowering may write twice instead of computing into a
// temporary.

import "github.com/pyc2go/pyc2go/ir"

// isSimple reports whether e is cheap enough to repeat (in a check and in
// the computation it guards) rather than compute into a temporary.
func isSimple(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.ConstExpr, *ir.VarRef:
		return true
	case *ir.Convert:
		return isSimple(e.X)
	case *ir.Unary:
		return isSimple(e.X)
	}
	return false
}

// duplicable reports whether e may be written twice instead of once: it
// is made of at most budget variables, constants, array dimensions, loads
// and arithmetic, all pure, so a second copy only costs what the
// compiler's CSE removes.
func duplicable(e ir.Expr, budget int) bool {
	n := 0
	var ok func(ir.Expr) bool
	ok = func(e ir.Expr) bool {
		if n++; n > budget {
			return false
		}
		switch e := e.(type) {
		case *ir.ConstExpr, *ir.VarRef, *ir.Dim:
			return true
		case *ir.Load:
			return ok(e.Offset)
		case *ir.Convert:
			return ok(e.X)
		case *ir.Unary:
			return ok(e.X)
		case *ir.Binary:
			return ok(e.X) && ok(e.Y)
		}
		return false
	}
	return ok(e)
}
