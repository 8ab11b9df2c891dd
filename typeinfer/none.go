package typeinfer

// None and optional values.
//
// A variable that holds None on some paths and a number or an array on
// others has the type *ir.Optional: an `out=None` parameter annotated
// with the array type (PEP 484's implicit Optional) or with Optional[...]
// / `T | None`, a local assigned None and later a value (`best = None`,
// then `best = v` in a loop), a parameter of an instance whose call passes
// None and that the body assigns.
//
// Types stay flow-insensitive, but whether a variable is None is tracked
// along the statements as they are checked (funcState.nn): an assignment
// says it, `x is None` / `x is not None` in an if, while, assert,
// conditional expression or `and`/`or` says it in the branch where the
// test holds, and the states of the branches that fall through meet after
// an if. A loop forgets what it knew of the optional variables its body
// assigns (their state at the head of the loop depends on the previous
// iteration). A read of an optional variable known not to be None has the
// value's type (narrowing); known to be None, NoneType; otherwise the
// optional type, which only `is None` tests, assignments, returns and
// arguments for optional parameters accept.
//
// A test whose answer is known at compile time (x is None where x cannot
// be None, or certainly is) is recorded in Info.Static, and the branch it
// rules out is neither checked nor compiled: that is how a helper
// specialised for out=None never sees the code for an array out.

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
)

// nullness is what is known of whether a variable holds None.
type nullness uint8

const (
	maybeNone nullness = iota // absent from a nullState: not known
	isNone
	notNone
)

// nullState maps variables to what is known of them; absent means maybe.
type nullState map[*Local]nullness

func (s nullState) clone() nullState {
	c := make(nullState, len(s))
	for k, v := range s {
		c[k] = v
	}
	return c
}

// meet keeps what both states know alike.
func meet(a, b nullState) nullState {
	out := nullState{}
	for k, v := range a {
		if b[k] == v {
			out[k] = v
		}
	}
	return out
}

// optionalElem returns the value type of an optional type.
func optionalElem(t ir.Type) (ir.Type, bool) {
	o, ok := t.(*ir.Optional)
	if !ok {
		return nil, false
	}
	return o.Elem, true
}

// canBeOptional reports whether values of t may be made optional: numbers
// and arrays (tuples and None itself may not).
func canBeOptional(t ir.Type) bool {
	switch t.(type) {
	case ir.Scalar, *ir.Array:
		return true
	}
	return false
}

// joinNone is join's rule for None and optional types: None with a value
// is optional, an optional with a value joins the values.
func joinNone(a, b ir.Type) (ir.Type, bool, bool) {
	_, an := a.(ir.NoneType)
	_, bn := b.(ir.NoneType)
	ao, aok := optionalElem(a)
	bo, bok := optionalElem(b)
	switch {
	case an && bn:
		return a, true, true
	case an && bok, bn && aok:
		if aok {
			return a, true, true
		}
		return b, true, true
	case an:
		if !canBeOptional(b) {
			return nil, false, true
		}
		return &ir.Optional{Elem: b}, true, true
	case bn:
		if !canBeOptional(a) {
			return nil, false, true
		}
		return &ir.Optional{Elem: a}, true, true
	case aok || bok:
		if !aok {
			ao = a
		}
		if !bok {
			bo = b
		}
		e, ok := join(ao, bo)
		if !ok || !canBeOptional(e) {
			return nil, false, true
		}
		return &ir.Optional{Elem: e}, true, true
	}
	return nil, false, false
}

// nullnessOf is what assigning a value of type t says of the variable.
func nullnessOf(t ir.Type) nullness {
	switch t.(type) {
	case ir.NoneType:
		return isNone
	case *ir.Optional, nil:
		return maybeNone
	}
	return notNone
}

// setNull records what an assignment says of l.
func (c *checker) setNull(l *Local, n nullness) {
	if c.fs.nn == nil {
		c.fs.nn = nullState{}
	}
	if n == maybeNone {
		delete(c.fs.nn, l)
		return
	}
	c.fs.nn[l] = n
}

// narrow is the type of a read of local l of type t at this point.
func (c *checker) narrow(l *Local, t ir.Type) ir.Type {
	switch c.fs.nn[l] {
	case notNone:
		if e, ok := optionalElem(t); ok {
			return e
		}
	case isNone:
		if _, ok := optionalElem(t); ok {
			return ir.None
		}
	}
	return t
}

// noneTest recognises `x is None`, `x is not None` (either side None).
// It returns the other operand and whether the test is `is not`.
func noneTest(e ast.Expr) (ast.Expr, bool, bool) {
	cmp, ok := e.(*ast.Compare)
	if !ok || len(cmp.Ops) != 1 || len(cmp.Comparators) != 1 {
		return nil, false, false
	}
	if cmp.Ops[0] != ast.Is && cmp.Ops[0] != ast.IsNot {
		return nil, false, false
	}
	l, r := cmp.Left, cmp.Comparators[0]
	if isNoneExpr(r) {
		return l, cmp.Ops[0] == ast.IsNot, true
	}
	if isNoneExpr(l) {
		return r, cmp.Ops[0] == ast.IsNot, true
	}
	return nil, false, false
}

// static values of a condition.
const (
	dynamic = iota
	staticFalse
	staticTrue
)

// cond types a condition (an if, while, assert, conditional expression or
// boolean operand) and returns its type, the null states where it holds
// and where it does not, and whether its value is known at compile time.
// The current state (c.fs.nn) is left as it was.
func (c *checker) cond(e ast.Expr) (t ir.Type, then, els nullState, static int) {
	cur := c.fs.nn.clone()
	switch x := e.(type) {
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			_, tt, f, s := c.cond(x.Operand)
			c.record(e, ir.Bool)
			switch s {
			case staticTrue:
				s = staticFalse
			case staticFalse:
				s = staticTrue
			}
			c.setStatic(e, s)
			return ir.Bool, f, tt, s
		}
	case *ast.BoolOp:
		return c.condBool(x)
	case *ast.Compare:
		if operand, not, ok := noneTest(x); ok {
			return c.condNone(x, operand, not)
		}
	}
	t = c.truth(e)
	return t, cur, cur.clone(), dynamic
}

// condNone is cond of `operand is [not] None`.
func (c *checker) condNone(e *ast.Compare, operand ast.Expr, not bool) (t ir.Type, then, els nullState, static int) {
	cur := c.fs.nn.clone()
	ot := c.expr(operand)
	if isNoneExpr(e.Left) {
		c.record(e.Left, ir.None)
	} else {
		c.record(e.Comparators[0], ir.None)
	}
	c.record(e, ir.Bool)
	then, els = cur.clone(), cur.clone()
	s := dynamic
	n, isName := operand.(*ast.Name)
	switch ot.(type) {
	case nil:
	case ir.NoneType:
		s = staticTrue
	case *ir.Optional:
		if isName && c.isLocal(string(n.Id)) {
			l := c.fs.fn.Scope[string(n.Id)]
			then[l], els[l] = isNone, notNone
		}
	default:
		s = staticFalse
	}
	if !isName {
		// The operand is evaluated for its effects: only a name's test
		// may drop a branch.
		s = dynamic
	}
	if not {
		then, els = els, then
		switch s {
		case staticTrue:
			s = staticFalse
		case staticFalse:
			s = staticTrue
		}
	}
	c.setStatic(e, s)
	return ir.Bool, then, els, s
}

// condBool is cond of `a and b ...` / `a or b ...`: each operand is
// checked in the state where the ones before it let evaluation reach it,
// and an operand whose value ends the evaluation at compile time leaves
// the ones after it unchecked (lower does not compile them either).
func (c *checker) condBool(e *ast.BoolOp) (t ir.Type, then, els nullState, static int) {
	saved := c.fs.nn
	defer func() { c.fs.nn = saved }()
	and := e.Op == ast.And
	pass := saved.clone() // where evaluation goes on
	var exits []nullState // where it stops (the other outcome)
	static = dynamic
	decided := false
	allStatic := true // every operand so far has a known value
	var types []ir.Type
	var vals []ast.Expr
	for _, v := range e.Values {
		c.fs.nn = pass
		vt, tt, f, s := c.cond(v)
		types = append(types, vt)
		vals = append(vals, v)
		cont, stop := tt, f
		if !and {
			cont, stop = f, tt
		}
		if s == staticTrue && !and || s == staticFalse && and {
			// Short-circuits here whatever follows: the operands after
			// it are not checked (nor compiled); the whole is known only
			// if the ones before it are.
			if allStatic {
				static = s
			}
			decided = true
			exits = append(exits, stop)
			break
		}
		if s == dynamic {
			allStatic = false
		}
		if s == dynamic {
			exits = append(exits, stop)
		}
		pass = cont
	}
	if !decided && allStatic {
		if and {
			static = staticTrue
		} else {
			static = staticFalse
		}
	}
	other := saved.clone()
	for i, x := range exits {
		if i == 0 {
			other = x
		} else {
			other = meet(other, x)
		}
	}
	out := pass
	if decided {
		out = other // the test never reaches the end
	}
	c.fs.nn = saved
	t = c.boolOpType(e, vals, types)
	c.record(e, t)
	c.setStatic(e, static)
	if and {
		return t, out, other, static
	}
	return t, other, out, static
}

// setStatic records a condition typeinfer knows the value of.
func (c *checker) setStatic(e ast.Expr, s int) {
	if !c.final || s == dynamic {
		return
	}
	c.info.Static[e] = s == staticTrue
}

// isNoneValue reports whether e is the None literal.
func isNoneValue(e ast.Expr) bool {
	n, ok := e.(*ast.NameConstant)
	return ok && n.Value == py.None
}

// loopForget makes the optional locals a loop body assigns unknown at the
// loop's head (and after it).
func (c *checker) loopForget(body ...[]ast.Stmt) {
	for _, b := range body {
		for name := range assignedNames(b) {
			if l := c.fs.fn.Scope[name]; l != nil {
				if _, ok := c.fs.nn[l]; ok {
					switch l.Type.(type) {
					case *ir.Optional, ir.NoneType, nil:
						delete(c.fs.nn, l)
					}
				}
			}
		}
	}
}

// assignedNames returns the names statements assign, nested ones included.
func assignedNames(body []ast.Stmt) map[string]bool {
	m := map[string]bool{}
	var target func(e ast.Expr)
	target = func(e ast.Expr) {
		switch t := e.(type) {
		case *ast.Name:
			m[string(t.Id)] = true
		case *ast.Tuple:
			for _, x := range t.Elts {
				target(x)
			}
		case *ast.List:
			for _, x := range t.Elts {
				target(x)
			}
		case *ast.Starred:
			target(t.Value)
		}
	}
	var stmts func([]ast.Stmt)
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Assign:
				for _, t := range s.Targets {
					target(t)
				}
			case *ast.AugAssign:
				target(s.Target)
			case *ast.For:
				target(s.Target)
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			}
		}
	}
	stmts(body)
	return m
}

// fallsThrough reports whether control may leave stmts at their end (not
// by return, raise, break or continue), conservatively.
func fallsThrough(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return true
	}
	switch s := stmts[len(stmts)-1].(type) {
	case *ast.Return, *ast.Raise, *ast.Break, *ast.Continue:
		return false
	case *ast.If:
		return fallsThrough(s.Body) || fallsThrough(s.Orelse)
	case *ast.Try:
		return !tryEnds(s, func(b []ast.Stmt) bool { return !fallsThrough(b) })
	}
	return !blockEnds(stmts)
}
