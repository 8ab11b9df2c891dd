package opt

import (
	"math"

	"github.com/pyc2go/pyc2go/ir"
)

const guardElimDoc = "guardelim deletes every Check whose condition a dominating guard already proves (a while or if condition, an earlier identical check, a range bound, through n = a.shape[k] for array bounds), with no assignment to the guard's variables in between."

// guardElim deletes the checks implied by the facts that hold where they
// run. It is required because it decides signatures: gcd's only check,
// b != 0 under while b != 0, goes, and gcd returns no error.
//
// A fact is a bool expression known to be true at a program point. Facts
// come from:
//   - the condition of an If, on entry to Then; on entry to Else, the
//     literal negation !Cond and what follows from it exactly: !(a || b)
//     gives !a and !b, !!a gives a, and a == b / a != b negate only on
//     integers and bools (a float comparison is never negated: NaN makes
//     !(x < y) differ from x >= y);
//   - the condition of a While, on entry to its body (the loop tests it
//     before every iteration, so it holds again at each body entry);
//   - a Check, for the rest of its block once it has passed;
//   - a For over int64 with a constant step: Var < Stop (> Stop for a
//     negative step), which the emitted loop condition tests before every
//     iteration, and Var >= Start (<= Start) only when the induction
//     variable cannot wrap around int64 (step ±1, or a constant Stop far
//     enough from the limit);
//   - the join after an If: the facts that hold at the end of every
//     branch that falls through (a branch ending in return, raise, break
//     or continue does not reach the join).
//
// A && B splits into A and B. A fact dies as soon as any variable it reads
// is assigned (Assign, CallStmt results, a For induction variable), in
// program order. On entry to a loop body, the facts from before the loop
// that read a variable the body assigns anywhere are dropped, since the
// back edge brings the body's assignments round to its top; facts made
// inside the body never outlive it. Facts never contain a Load or a Call:
// stores and calls would have to kill them, and they are not worth it.
//
// A check goes when its condition (each conjunct of it) is structurally
// equal to a live fact, or follows by one of the exact rules in guardImplied:
// integer comparisons against constants by interval reasoning, and
// "e != 0" for an e known to be non-zero (through negation and
// value-preserving conversions; for floats only from e > 0.0, e < 0.0 or
// e != 0.0, which NaN fails or passes consistently). The pass only deletes
// checks: it never moves one, rewrites a condition or touches a Raise.
func guardElim(f *ir.Func) {
	guardBlock(f.Body, nil)
}

// guardBlock processes b with the facts live on entry. It returns the facts
// live where b falls through, and whether it can fall through at all.
func guardBlock(b *ir.Block, facts []ir.Expr) ([]ir.Expr, bool) {
	if b == nil {
		return facts, true
	}
	out := b.Stmts[:0]
	reachable := true
	for _, s := range b.Stmts {
		if !reachable {
			// Dead code after return, raise, break or continue: keep it
			// as it is.
			out = append(out, s)
			continue
		}
		switch s := s.(type) {
		case *ir.Check:
			if guardImplied(facts, s.Cond) || guardImplied(facts, substDims(facts, s.Cond)) {
				continue // delete
			}
			facts = addFact(facts, s.Cond)
		case *ir.Assign:
			facts = killFacts(facts, map[*ir.Var]bool{s.Dst: true})
			if d, ok := s.Src.(*ir.Dim); ok && d.Arr != s.Dst {
				// n = a.shape[0]: checks against the Dim can use n's facts
				// (a range loop's Var < n).
				facts = addFact(facts, ir.Bin(ir.Eq, ir.Ref(s.Dst), d))
			}
		case *ir.Alloc:
			facts = killFacts(facts, map[*ir.Var]bool{s.Dst: true}) // facts on its Dims
		case *ir.View:
			facts = killFacts(facts, map[*ir.Var]bool{s.Dst: true})
		case *ir.CallStmt:
			dsts := map[*ir.Var]bool{}
			for _, d := range s.Dsts {
				if d != nil {
					dsts[d] = true
				}
			}
			facts = killFacts(facts, dsts)
		case *ir.If:
			thenOut, thenReach := guardBlock(s.Then, addFact(facts, s.Cond))
			elseOut, elseReach := guardBlock(s.Else, addFact(facts, &ir.Unary{Op: ir.Not, X: s.Cond}))
			switch {
			case thenReach && elseReach:
				facts = intersectFacts(thenOut, elseOut)
			case thenReach:
				facts = thenOut
			case elseReach:
				facts = elseOut
			default:
				facts, reachable = nil, false
			}
		case *ir.While:
			assigned := guardAssigned(s.Body)
			facts = killFacts(facts, assigned)
			in := facts
			if s.Cond != nil {
				in = addFact(in, s.Cond)
			}
			guardBlock(s.Body, in)
		case *ir.For:
			assigned := guardAssigned(s.Body)
			assigned[s.Var] = true
			facts = killFacts(facts, assigned)
			in := facts
			for _, fct := range forFacts(s, assigned) {
				in = addFact(in, fct)
			}
			guardBlock(s.Body, in)
		case *ir.Return, *ir.Raise, *ir.Break, *ir.Continue:
			facts, reachable = nil, false
		}
		out = append(out, s)
	}
	for i := len(out); i < len(b.Stmts); i++ {
		b.Stmts[i] = nil
	}
	b.Stmts = out
	return facts, reachable
}

// addFact returns facts plus e and what follows from it exactly (the
// conjuncts of &&, the negations of !), without modifying facts' array.
func addFact(facts []ir.Expr, e ir.Expr) []ir.Expr {
	facts = facts[:len(facts):len(facts)] // appending copies
	var add func(e ir.Expr)
	add = func(e ir.Expr) {
		if !ir.IsScalar(e.Type(), ir.Bool) || !factOK(e) {
			return
		}
		switch x := e.(type) {
		case *ir.Binary:
			if x.Op == ir.AndAnd {
				add(x.X)
				add(x.Y)
				return
			}
		case *ir.Unary:
			if x.Op == ir.Not {
				for _, n := range falseFacts(x.X) {
					add(n)
				}
			}
		case *ir.ConstExpr:
			return // true says nothing; false only in dead code
		}
		facts = append(facts, e)
	}
	add(e)
	return facts
}

// falseFacts returns facts that hold when e is false, exactly.
func falseFacts(e ir.Expr) []ir.Expr {
	switch x := e.(type) {
	case *ir.Unary:
		if x.Op == ir.Not {
			return []ir.Expr{x.X}
		}
	case *ir.Binary:
		switch x.Op {
		case ir.OrOr:
			// Both operands were evaluated and both are false.
			return []ir.Expr{&ir.Unary{Op: ir.Not, X: x.X}, &ir.Unary{Op: ir.Not, X: x.Y}}
		case ir.Eq, ir.Ne:
			if t, ok := x.X.Type().(ir.Scalar); ok && (t.IsInt() || t == ir.Bool) {
				op := ir.Ne
				if x.Op == ir.Ne {
					op = ir.Eq
				}
				return []ir.Expr{ir.Bin(op, x.X, x.Y)}
			}
		}
	}
	return nil
}

// factOK reports whether e may be a fact: it reads no memory and calls
// nothing, so only assignments to its variables can change its value.
func factOK(e ir.Expr) bool { return !ir.TouchesMemory(e) }

// killFacts returns the facts that read none of the variables in vars.
func killFacts(facts []ir.Expr, vars map[*ir.Var]bool) []ir.Expr {
	if len(vars) == 0 {
		return facts
	}
	var out []ir.Expr
	for _, f := range facts {
		if !ir.ReadsAny(f, vars) {
			out = append(out, f)
		}
	}
	return out
}

// intersectFacts returns the facts of a that also appear in b.
func intersectFacts(a, b []ir.Expr) []ir.Expr {
	var out []ir.Expr
	for _, f := range a {
		for _, g := range b {
			if ir.SameExpr(f, g) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// guardAssigned returns every variable assigned anywhere in b, nested blocks
// and For induction variables included.
func guardAssigned(b *ir.Block) map[*ir.Var]bool {
	vars := map[*ir.Var]bool{}
	ir.WalkStmts(b, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Assign:
			vars[s.Dst] = true
		case *ir.Alloc:
			vars[s.Dst] = true
		case *ir.View:
			vars[s.Dst] = true
		case *ir.CallStmt:
			for _, d := range s.Dsts {
				if d != nil {
					vars[d] = true
				}
			}
		case *ir.For:
			vars[s.Var] = true
		}
	})
	return vars
}

// forFacts returns the bounds of s's induction variable that hold on every
// entry to its body. assigned holds the variables the body (or the loop)
// assigns; a bound reading one of them is not invariant and gives nothing.
func forFacts(s *ir.For, assigned map[*ir.Var]bool) []ir.Expr {
	step, ok := int64Const(s.Step)
	if !ok || step == 0 || !ir.IsScalar(s.Var.Type, ir.Int64) {
		return nil
	}
	bound := func(e ir.Expr) bool {
		return ir.IsScalar(e.Type(), ir.Int64) && factOK(e) && !ir.ReadsAny(e, assigned)
	}
	var facts []ir.Expr
	v := ir.Ref(s.Var)
	if bound(s.Stop) {
		// The emitted loop tests Var against Stop before every iteration.
		op := ir.Lt
		if step < 0 {
			op = ir.Gt
		}
		facts = append(facts, ir.Bin(op, v, s.Stop))
	}
	// Var >= Start (step > 0) needs Var never to wrap past MaxInt64: with
	// step 1 it cannot (Var < Stop <= MaxInt64 before the increment); with
	// a larger step only when Stop + step fits.
	noWrap := step == 1 || step == -1
	if stop, ok := int64Const(s.Stop); ok && !noWrap {
		if step > 0 {
			noWrap = stop <= math.MaxInt64-step
		} else {
			noWrap = stop >= math.MinInt64-step
		}
	}
	if noWrap && bound(s.Start) && bound(s.Stop) {
		op := ir.Ge
		if step < 0 {
			op = ir.Le
		}
		facts = append(facts, ir.Bin(op, v, s.Start))
	}
	return facts
}

// int64Const returns the value of an int64 constant.
func int64Const(e ir.Expr) (int64, bool) {
	c, ok := e.(*ir.ConstExpr)
	if !ok || c.T != ir.Int64 {
		return 0, false
	}
	v, ok := c.Value.(int64)
	return v, ok
}

// guardImplied reports whether cond holds wherever all facts hold.
func guardImplied(facts []ir.Expr, cond ir.Expr) bool {
	if b, ok := cond.(*ir.Binary); ok && b.Op == ir.AndAnd {
		return guardImplied(facts, b.X) && guardImplied(facts, b.Y)
	}
	for _, f := range facts {
		if ir.SameExpr(f, cond) {
			return true
		}
	}
	b, ok := cond.(*ir.Binary)
	if !ok || b.Op < ir.Eq {
		return false
	}
	t, _ := b.X.Type().(ir.Scalar)
	// x != y is y != x, for every type (IEEE != is symmetric).
	if b.Op == ir.Ne || b.Op == ir.Eq {
		swapped := ir.Bin(b.Op, b.Y, b.X)
		for _, f := range facts {
			if ir.SameExpr(f, swapped) {
				return true
			}
		}
	}
	if b.Op == ir.Ne {
		if isZeroConst(b.Y) && provedNonZero(facts, b.X) || isZeroConst(b.X) && provedNonZero(facts, b.Y) {
			return true
		}
	}
	if intervalKind(t) {
		if x, op, c, ok := cmpConst(b); ok {
			return intervalImplies(facts, x, op, c)
		}
	}
	return false
}

// isZeroConst reports whether e is an integer zero or a float zero of either
// sign (x != -0.0 is x != 0.0).
func isZeroConst(e ir.Expr) bool {
	c, ok := e.(*ir.ConstExpr)
	if !ok {
		return false
	}
	switch v := c.Value.(type) {
	case int64:
		return c.T.IsInt() && v == 0
	case float64:
		return c.T.IsFloat() && v == 0
	}
	return false
}

// provedNonZero reports whether the facts prove that e (an integer or a float)
// is not zero, so that e != 0 is true.
func provedNonZero(facts []ir.Expr, e ir.Expr) bool {
	t, ok := e.Type().(ir.Scalar)
	if !ok || !(t.IsInt() || t.IsFloat()) {
		return false
	}
	switch x := e.(type) {
	case *ir.Unary:
		// -x is zero only when x is (int64 wraps MinInt64 to itself; -NaN
		// is NaN, which is != 0 like NaN).
		if x.Op == ir.Neg && provedNonZero(facts, x.X) {
			return true
		}
	case *ir.Convert:
		// Conversions that keep a non-zero value non-zero: integer to
		// float (|v| >= 1 rounds to at least 1), integer to an integer at
		// least as wide, float32 to float64.
		if from, ok := x.X.Type().(ir.Scalar); ok {
			keeps := from.IsInt() && t.IsFloat() ||
				from.IsInt() && t.IsInt() && t.Bits() >= from.Bits() ||
				from == ir.Float32 && t == ir.Float64
			if keeps && provedNonZero(facts, x.X) {
				return true
			}
		}
	}
	for _, f := range facts {
		b, ok := f.(*ir.Binary)
		if !ok {
			continue
		}
		var y ir.Expr
		op := b.Op
		switch {
		case ir.SameExpr(b.X, e):
			y = b.Y
		case ir.SameExpr(b.Y, e):
			y, op = b.X, mirrorCmp(op)
		default:
			continue
		}
		if !isZeroConst(y) {
			continue
		}
		// e != 0, e > 0 and e < 0 all prove e != 0, for floats too: NaN
		// passes != and fails both orderings, and passes the check.
		switch op {
		case ir.Ne, ir.Gt, ir.Lt:
			return true
		}
	}
	if intervalKind(t) {
		return intervalImplies(facts, e, ir.Ne, 0)
	}
	return false
}

// intervalKind reports whether t is an integer kind whose constants order
// correctly as int64 (every integer kind but uint64).
func intervalKind(t ir.Scalar) bool {
	return t.IsInt() && t != ir.Uint64
}

// mirrorCmp returns op with its operands swapped: c < x is x > c.
func mirrorCmp(op ir.BinOp) ir.BinOp {
	switch op {
	case ir.Lt:
		return ir.Gt
	case ir.Le:
		return ir.Ge
	case ir.Gt:
		return ir.Lt
	case ir.Ge:
		return ir.Le
	}
	return op
}

// cmpConst splits a comparison of an interval-kind integer with an integer
// constant into x op c, the constant moved to the right.
func cmpConst(e ir.Expr) (x ir.Expr, op ir.BinOp, c int64, ok bool) {
	b, isBin := e.(*ir.Binary)
	if !isBin || b.Op < ir.Eq {
		return nil, 0, 0, false
	}
	t, isScalar := b.X.Type().(ir.Scalar)
	if !isScalar || !intervalKind(t) {
		return nil, 0, 0, false
	}
	if k, isConst := b.Y.(*ir.ConstExpr); isConst {
		if v, isInt := k.Value.(int64); isInt && k.T == t {
			return b.X, b.Op, v, true
		}
	}
	if k, isConst := b.X.(*ir.ConstExpr); isConst {
		if v, isInt := k.Value.(int64); isInt && k.T == t {
			return b.Y, mirrorCmp(b.Op), v, true
		}
	}
	return nil, 0, 0, false
}

// intervalImplies reports whether the facts comparing x with constants
// prove x op c. Contradictory facts (dead code) prove nothing.
func intervalImplies(facts []ir.Expr, x ir.Expr, op ir.BinOp, c int64) bool {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	var ne []int64
	for _, f := range facts {
		fx, fop, fc, ok := cmpConst(f)
		if !ok || !ir.SameExpr(fx, x) {
			continue
		}
		switch fop {
		case ir.Eq:
			lo, hi = max(lo, fc), min(hi, fc)
		case ir.Ne:
			ne = append(ne, fc)
		case ir.Lt:
			if fc == math.MinInt64 {
				return false
			}
			hi = min(hi, fc-1)
		case ir.Le:
			hi = min(hi, fc)
		case ir.Gt:
			if fc == math.MaxInt64 {
				return false
			}
			lo = max(lo, fc+1)
		case ir.Ge:
			lo = max(lo, fc)
		}
	}
	if lo > hi {
		return false
	}
	switch op {
	case ir.Eq:
		return lo == c && hi == c
	case ir.Ne:
		if c < lo || c > hi {
			return true
		}
		for _, v := range ne {
			if v == c {
				return true
			}
		}
	case ir.Lt:
		return hi < c
	case ir.Le:
		return hi <= c
	case ir.Gt:
		return lo > c
	case ir.Ge:
		return lo >= c
	}
	return false
}

// substDims returns a copy of e with each array Dim that a live fact
// `v == Dim` names replaced by v (the facts Assign v = Dim adds), so that a
// bounds check i < a.shape[0] meets the loop fact i < v. It returns e
// itself when nothing is replaced.
func substDims(facts []ir.Expr, e ir.Expr) ir.Expr {
	alias := func(d *ir.Dim) ir.Expr {
		for _, f := range facts {
			b, ok := f.(*ir.Binary)
			if !ok || b.Op != ir.Eq {
				continue
			}
			if r, ok := b.X.(*ir.VarRef); ok && ir.SameExpr(b.Y, d) {
				return r
			}
		}
		return nil
	}
	var sub func(e ir.Expr) ir.Expr
	sub = func(e ir.Expr) ir.Expr {
		switch x := e.(type) {
		case *ir.Dim:
			if r := alias(x); r != nil {
				return r
			}
		case *ir.Unary:
			if y := sub(x.X); y != x.X {
				return &ir.Unary{Op: x.Op, X: y}
			}
		case *ir.Binary:
			a, b := sub(x.X), sub(x.Y)
			if a != x.X || b != x.Y {
				return &ir.Binary{Op: x.Op, X: a, Y: b}
			}
		case *ir.Convert:
			if y := sub(x.X); y != x.X {
				return &ir.Convert{X: y, T: x.T}
			}
		}
		return e
	}
	return sub(e)
}
