package ir

// CloneBlock returns a deep copy of b: new statements and expressions that
// refer to the same variables and functions. Versioning passes use it to
// keep the original of a loop nest beside the one they rewrite, so that a
// later in-place rewrite of one copy never shows through in the other.
func CloneBlock(b *Block) *Block {
	if b == nil {
		return nil
	}
	c := &Block{Stmts: make([]Stmt, len(b.Stmts))}
	for i, s := range b.Stmts {
		c.Stmts[i] = CloneStmt(s)
	}
	return c
}

// CloneStmt returns a deep copy of s (see CloneBlock).
func CloneStmt(s Stmt) Stmt {
	switch s := s.(type) {
	case *Assign:
		return &Assign{Dst: s.Dst, Src: CloneExpr(s.Src), Pos: s.Pos}
	case *Store:
		return &Store{Arr: s.Arr, Offset: CloneExpr(s.Offset), Val: CloneExpr(s.Val), Pos: s.Pos}
	case *CallStmt:
		return &CallStmt{Dsts: append([]*Var(nil), s.Dsts...), Call: CloneExpr(s.Call).(*Call), Pos: s.Pos}
	case *If:
		return &If{Cond: CloneExpr(s.Cond), Then: CloneBlock(s.Then), Else: CloneBlock(s.Else), Pos: s.Pos}
	case *For:
		c := *s
		c.Start, c.Stop, c.Step = CloneExpr(s.Start), CloneExpr(s.Stop), CloneExpr(s.Step)
		c.Body = CloneBlock(s.Body)
		c.Windows = append([]Window(nil), s.Windows...)
		c.Restrict = append([]*Var(nil), s.Restrict...)
		return &c
	case *While:
		var cond Expr
		if s.Cond != nil {
			cond = CloneExpr(s.Cond)
		}
		return &While{Cond: cond, Body: CloneBlock(s.Body), Pos: s.Pos}
	case *Break:
		return &Break{Pos: s.Pos}
	case *Continue:
		return &Continue{Pos: s.Pos}
	case *Return:
		return &Return{Values: cloneExprs(s.Values), Pos: s.Pos}
	case *Raise:
		return &Raise{Exc: s.Exc, Msg: s.Msg, Args: cloneExprs(s.Args), Pos: s.Pos}
	case *Check:
		return &Check{Cond: CloneExpr(s.Cond), Exc: s.Exc, Msg: s.Msg, Args: cloneExprs(s.Args), Pos: s.Pos}
	case *Alloc:
		return &Alloc{Dst: s.Dst, Shape: cloneExprs(s.Shape), Pos: s.Pos}
	case *View:
		return &View{Dst: s.Dst, Src: s.Src, Offset: CloneExpr(s.Offset), Shape: cloneExprs(s.Shape), Strides: cloneExprs(s.Strides), Pos: s.Pos}
	case *ListOp:
		return &ListOp{Op: s.Op, Dst: s.Dst, Args: cloneExprs(s.Args), Pos: s.Pos}
	}
	panic("ir.CloneStmt: unknown statement")
}

// CloneExpr returns a deep copy of e (see CloneBlock).
func CloneExpr(e Expr) Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *ConstExpr:
		c := *e
		return &c
	case *VarRef:
		return &VarRef{V: e.V}
	case *Unary:
		return &Unary{Op: e.Op, X: CloneExpr(e.X)}
	case *Binary:
		return &Binary{Op: e.Op, X: CloneExpr(e.X), Y: CloneExpr(e.Y)}
	case *Convert:
		return &Convert{X: CloneExpr(e.X), T: e.T}
	case *Intrinsic:
		return &Intrinsic{Name: e.Name, Args: cloneExprs(e.Args), T: e.T}
	case *Call:
		return &Call{Fn: e.Fn, Args: cloneExprs(e.Args)}
	case *Dim:
		c := *e
		return &c
	case *Load:
		return &Load{Arr: e.Arr, Offset: CloneExpr(e.Offset)}
	}
	panic("ir.CloneExpr: unknown expression")
}

func cloneExprs(es []Expr) []Expr {
	if es == nil {
		return nil
	}
	c := make([]Expr, len(es))
	for i, e := range es {
		c[i] = CloneExpr(e)
	}
	return c
}
