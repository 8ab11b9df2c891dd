package opt

import "github.com/pyc2go/pyc2go/ir"

const deadCodeDoc = "deadcode removes the code constant conditions make unreachable: the untaken branch of an if, a while whose condition is false, the statements after a return, raise, break, continue or failing check (which becomes a raise; index checks stay for --boundscheck=off)."

// deadCode removes unreachable statements from f. It is required, not an
// optimisation: constant folding leaves code behind that the target
// compilers reject although it never runs. numpy's x // np.uint8(0) is
// lowered to `if y != 0 { floordiv(x, y) } else { 0 }`, whose folded form
// `if false { floordiv(x, 0) }` is a constant division by zero to gcc
// -Werror and to Go; `64 >> int(np.int32(-1))` becomes `check false`
// followed by a shift by the constant -1, which Go refuses to compile.
// Deleting exactly what can never run keeps every path that can, so the
// pass changes no result.
func deadCode(f *ir.Func) {
	ir.Apply(f.Body, func(c *ir.Cursor) bool {
		_, isExpr := c.Node().(ir.Expr)
		return !isExpr // no statement below an expression
	}, func(c *ir.Cursor) bool {
		switch s := c.Node().(type) {
		case *ir.Block:
			// The children are done: cut what follows a jump.
			for i, st := range s.Stmts {
				if jumps(st) {
					clear(s.Stmts[i+1:])
					s.Stmts = s.Stmts[:i+1]
					break
				}
			}
		case *ir.If:
			v, ok := constBool(s.Cond)
			if !ok {
				break
			}
			taken := s.Else
			if v {
				taken = s.Then
			}
			if taken != nil {
				for _, st := range taken.Stmts {
					c.InsertBefore(st)
				}
			}
			c.Delete()
		case *ir.While:
			if v, ok := constBool(s.Cond); ok && !v {
				c.Delete()
			}
		case *ir.Check:
			// An index check stays a check even when it always fails:
			// --boundscheck=off deletes index checks, and the code after
			// one is then reachable (undefined behaviour, as the
			// directive says, not a raise).
			if s.Msg == ir.MsgIndexBounds {
				break
			}
			if v, ok := constBool(s.Cond); ok {
				if v {
					c.Delete()
				} else {
					c.Replace(&ir.Raise{Exc: s.Exc, Msg: s.Msg, Args: s.Args, Pos: s.Pos})
				}
			}
		}
		return true
	})
}

// constBool reports the value of a constant boolean condition.
func constBool(e ir.Expr) (value, ok bool) {
	if c, isConst := e.(*ir.ConstExpr); isConst {
		value, ok = c.Value.(bool)
	}
	return value, ok
}

// jumps reports whether control never reaches the statement after s.
func jumps(s ir.Stmt) bool {
	switch s := s.(type) {
	case *ir.Return, *ir.Raise, *ir.Break, *ir.Continue:
		return true
	case *ir.If:
		return s.Else != nil && blockJumps(s.Then) && blockJumps(s.Else)
	}
	return false
}

func blockJumps(b *ir.Block) bool {
	n := len(b.Stmts)
	return n > 0 && jumps(b.Stmts[n-1])
}
