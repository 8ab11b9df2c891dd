package opt

import "github.com/pyc2go/pyc2go/ir"

// walkExpr calls fn for e and every sub-expression of e, parents first.
func walkExpr(e ir.Expr, fn func(ir.Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch e := e.(type) {
	case *ir.Unary:
		walkExpr(e.X, fn)
	case *ir.Binary:
		walkExpr(e.X, fn)
		walkExpr(e.Y, fn)
	case *ir.Convert:
		walkExpr(e.X, fn)
	case *ir.Intrinsic:
		for _, a := range e.Args {
			walkExpr(a, fn)
		}
	case *ir.Call:
		for _, a := range e.Args {
			walkExpr(a, fn)
		}
	case *ir.Load:
		walkExpr(e.Offset, fn)
	}
}

// mapStmtExprs replaces each expression directly held by s by fn of it.
func mapStmtExprs(s ir.Stmt, fn func(ir.Expr) ir.Expr) {
	switch s := s.(type) {
	case *ir.Assign:
		s.Src = fn(s.Src)
	case *ir.Store:
		s.Offset = fn(s.Offset)
		s.Val = fn(s.Val)
	case *ir.CallStmt:
		if s.Call != nil {
			for i, a := range s.Call.Args {
				s.Call.Args[i] = fn(a)
			}
		}
	case *ir.If:
		s.Cond = fn(s.Cond)
	case *ir.For:
		s.Start = fn(s.Start)
		s.Stop = fn(s.Stop)
		s.Step = fn(s.Step)
	case *ir.While:
		if s.Cond != nil {
			s.Cond = fn(s.Cond)
		}
	case *ir.Return:
		for i, v := range s.Values {
			s.Values[i] = fn(v)
		}
	case *ir.Check:
		s.Cond = fn(s.Cond)
	}
}

// rewriteExpr rebuilds e bottom-up, replacing every node n by fn(n) after
// its operands have been rewritten.
func rewriteExpr(e ir.Expr, fn func(ir.Expr) ir.Expr) ir.Expr {
	switch x := e.(type) {
	case *ir.Unary:
		x.X = rewriteExpr(x.X, fn)
	case *ir.Binary:
		x.X = rewriteExpr(x.X, fn)
		x.Y = rewriteExpr(x.Y, fn)
	case *ir.Convert:
		x.X = rewriteExpr(x.X, fn)
	case *ir.Intrinsic:
		for i, a := range x.Args {
			x.Args[i] = rewriteExpr(a, fn)
		}
	case *ir.Call:
		for i, a := range x.Args {
			x.Args[i] = rewriteExpr(a, fn)
		}
	case *ir.Load:
		x.Offset = rewriteExpr(x.Offset, fn)
	}
	return fn(e)
}

// mayHaveEffects reports whether e reads memory or calls a function: such
// an operand must be evaluated before a later operand's statements run
// (a call may store into an array the load reads).
func mayHaveEffects(e ir.Expr) bool {
	found := false
	walkExpr(e, func(x ir.Expr) {
		switch x.(type) {
		case *ir.Call, *ir.Load:
			found = true
		}
	})
	return found
}

// readsVar reports whether e reads any variable in vars.
func readsVar(e ir.Expr, vars map[*ir.Var]bool) bool {
	found := false
	walkExpr(e, func(x ir.Expr) {
		switch x := x.(type) {
		case *ir.VarRef:
			if vars[x.V] {
				found = true
			}
		case *ir.Dim:
			if vars[x.Arr] {
				found = true
			}
		case *ir.Load:
			if vars[x.Arr] {
				found = true
			}
		}
	})
	return found
}
