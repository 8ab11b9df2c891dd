package ir

// Cloning: the one deep copy of the IR. Versioning passes use it to keep
// the original of a loop nest beside the one they rewrite, so that a later
// in-place rewrite of one copy never shows through in the other.
//
// A copy has new statements, expressions, blocks and loop annotations
// (ParLoop, Windows, Restrict) and every field of the original; it refers
// to the same variables and functions. Each case starts from a copy of the
// whole struct, so a field added to a node is copied without touching
// this file; only a field holding nodes, or a slice, needs a line here
// (TestCloneCopiesEveryField fails until it has one).

// CloneBlock returns a deep copy of b.
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

// CloneStmt returns a deep copy of s.
func CloneStmt(s Stmt) Stmt {
	switch s := s.(type) {
	case *Assign:
		c := *s
		c.Src = CloneExpr(s.Src)
		return &c
	case *Store:
		c := *s
		c.Offset, c.Val = CloneExpr(s.Offset), CloneExpr(s.Val)
		return &c
	case *CallStmt:
		c := *s
		c.Dsts = cloneSlice(s.Dsts)
		if s.Call != nil {
			c.Call = CloneExpr(s.Call).(*Call)
		}
		return &c
	case *If:
		c := *s
		c.Cond = CloneExpr(s.Cond)
		c.Then, c.Else = CloneBlock(s.Then), CloneBlock(s.Else)
		return &c
	case *For:
		c := *s
		c.Start, c.Stop, c.Step = CloneExpr(s.Start), CloneExpr(s.Stop), CloneExpr(s.Step)
		c.Body = CloneBlock(s.Body)
		if s.Par != nil {
			p := *s.Par
			p.Private, p.Reductions = cloneSlice(p.Private), cloneSlice(p.Reductions)
			c.Par = &p
		}
		c.Windows, c.Restrict, c.Locals = cloneSlice(s.Windows), cloneSlice(s.Restrict), cloneSlice(s.Locals)
		return &c
	case *While:
		c := *s
		c.Cond = CloneExpr(s.Cond)
		c.Body = CloneBlock(s.Body)
		return &c
	case *Break:
		c := *s
		return &c
	case *Continue:
		c := *s
		return &c
	case *Return:
		c := *s
		c.Values = cloneExprs(s.Values)
		return &c
	case *Raise:
		c := *s
		c.Args = cloneExprs(s.Args)
		return &c
	case *Check:
		c := *s
		c.Cond = CloneExpr(s.Cond)
		c.Args = cloneExprs(s.Args)
		return &c
	case *Alloc:
		c := *s
		c.Shape = cloneExprs(s.Shape)
		return &c
	case *Random:
		c := *s
		c.Args = cloneExprs(s.Args)
		return &c
	case *View:
		c := *s
		c.Offset = CloneExpr(s.Offset)
		c.Shape, c.Strides = cloneExprs(s.Shape), cloneExprs(s.Strides)
		return &c
	}
	panic("ir.CloneStmt: unknown statement " + typeName(s))
}

// CloneExpr returns a deep copy of e (nil for nil).
func CloneExpr(e Expr) Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *ConstExpr:
		c := *e
		return &c
	case *VarRef:
		c := *e
		return &c
	case *Unary:
		c := *e
		c.X = CloneExpr(e.X)
		return &c
	case *Binary:
		c := *e
		c.X, c.Y = CloneExpr(e.X), CloneExpr(e.Y)
		return &c
	case *Convert:
		c := *e
		c.X = CloneExpr(e.X)
		return &c
	case *Intrinsic:
		c := *e
		c.Args = cloneExprs(e.Args)
		return &c
	case *Call:
		if e == nil {
			return (*Call)(nil)
		}
		c := *e
		c.Args = cloneExprs(e.Args)
		return &c
	case *Dim:
		c := *e
		return &c
	case *Load:
		c := *e
		c.Offset = CloneExpr(e.Offset)
		return &c
	}
	panic("ir.CloneExpr: unknown expression " + typeName(e))
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

// cloneSlice copies a slice of values that are not nodes (variables are
// shared by design), keeping nil nil.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
