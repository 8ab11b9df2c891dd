package ir

// WalkStmts calls fn for every statement of b in order, before the
// statements nested in it.
func WalkStmts(b *Block, fn func(Stmt)) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		fn(s)
		switch s := s.(type) {
		case *If:
			WalkStmts(s.Then, fn)
			WalkStmts(s.Else, fn)
		case *For:
			WalkStmts(s.Body, fn)
		case *While:
			WalkStmts(s.Body, fn)
		}
	}
}

// WalkExprs calls fn for every expression in b, nested blocks included,
// outer expressions before their operands.
func WalkExprs(b *Block, fn func(Expr)) {
	WalkStmts(b, func(s Stmt) {
		for _, e := range StmtExprs(s) {
			walkExpr(e, fn)
		}
	})
}

// StmtExprs returns the expressions a statement evaluates itself (not
// those of nested blocks).
func StmtExprs(s Stmt) []Expr {
	switch s := s.(type) {
	case *Assign:
		return []Expr{s.Src}
	case *Store:
		return []Expr{s.Offset, s.Val}
	case *CallStmt:
		return []Expr{s.Call}
	case *If:
		return []Expr{s.Cond}
	case *For:
		return []Expr{s.Start, s.Stop, s.Step}
	case *While:
		if s.Cond != nil {
			return []Expr{s.Cond}
		}
	case *Return:
		return s.Values
	case *Check:
		return append([]Expr{s.Cond}, s.Args...)
	case *Raise:
		return s.Args
	case *Alloc:
		return s.Shape
	case *View:
		es := append([]Expr{s.Offset}, s.Shape...)
		return append(es, s.Strides...)
	case *ListOp:
		return s.Args
	}
	return nil
}

func walkExpr(e Expr, fn func(Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch e := e.(type) {
	case *Unary:
		walkExpr(e.X, fn)
	case *Binary:
		walkExpr(e.X, fn)
		walkExpr(e.Y, fn)
	case *Convert:
		walkExpr(e.X, fn)
	case *Intrinsic:
		for _, a := range e.Args {
			walkExpr(a, fn)
		}
	case *Call:
		for _, a := range e.Args {
			walkExpr(a, fn)
		}
	case *Load:
		walkExpr(e.Offset, fn)
	}
}

// Defined returns every variable a statement of b sets: Assign, CallStmt,
// Alloc and View destinations and the induction variables of nested For
// loops (Assigned leaves out Alloc and View, which make fresh arrays).
func Defined(b *Block) map[*Var]bool {
	m := Assigned(b)
	WalkStmts(b, func(s Stmt) {
		switch s := s.(type) {
		case *Alloc:
			m[s.Dst] = true
		case *View:
			m[s.Dst] = true
		}
	})
	return m
}
