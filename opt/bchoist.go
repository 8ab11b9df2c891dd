package opt

import (
	"github.com/pyc2go/pyc2go/ir"
)

// bchoist: one range test per loop nest instead of one index check per
// access.
//
// Python raises IndexError at the first out-of-range subscript, after every
// effect of the iterations before it. Removing per-access checks is exact
// only if none of them can fail, so the pass versions the nest:
//
//	if pre { nest without the hoisted checks } else { cold: the nest as it was }
//
// where pre implies that every hoisted check holds at every iteration. When
// pre fails the original nest runs, with its checks in their places, and
// raises exactly what Python raises; pre is allowed to be conservative
// (false although nothing would fail), which only costs speed.
//
// A check is hoisted when its condition is a conjunction of comparisons of
// affine forms (affine.go) in the loop variables of the nest, whose loops
// have invariant bounds and constant steps (a rectangular box of
// iterations). Over a box, an affine form takes its extremes at corners:
// the maximum of Σ k_v·v puts each v at its last value when k_v > 0 and at
// its first when k_v < 0. pre is the conjunction of each comparison at its
// worst corner (i < a.shape[0] becomes last(i) < a.shape[0]; the
// wraparound check -n <= t < n of a[i - 1] becomes both ends), plus the
// magnitude guards affine.go needs so that no index arithmetic wraps.
// pre reads only invariant integers and array shapes: evaluating it before
// the nest has no effect and cannot fail, as the issue requires of a check
// that moves earlier. When a loop of the box is empty its corners are not
// real iterations, but then the checks inside it never run either, so any
// value of pre is correct there.
//
// Checks whose index the pass cannot describe over the outermost loop (a
// triangular inner loop, an index read from memory) stay in the fast copy,
// and the pass retries the loops inside it as nests of their own. Each
// hoisting and each check left in a loop is a remark.
const bcHoistDoc = "bchoist versions each loop nest on one range test computed before it, so the nest runs without the index checks the test proves and falls back to the original nest, which raises exactly as Python, when the test fails."

func bcHoist(f *ir.Func, pc *passCtx) {
	h := &hoister{pc: pc}
	h.block(f.Body)
	// Remark the index checks still run per access in hot (non-cold) loops.
	var walk func(b *ir.Block, inLoop bool)
	walk = func(b *ir.Block, inLoop bool) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.Check:
				if inLoop && isBoundsCheck(s) {
					why := h.why[s]
					if why == "" {
						why = "its loop is not a counted loop"
					}
					pc.remark(s.Pos, "index check not hoisted: %s", why)
				}
			case *ir.For:
				if !s.Cold {
					walk(s.Body, true)
				}
			case *ir.While:
				walk(s.Body, true)
			case *ir.If:
				walk(s.Then, inLoop)
				walk(s.Else, inLoop)
			}
		}
	}
	walk(f.Body, false)
}

type hoister struct {
	pc  *passCtx
	why map[*ir.Check]string // why a check could not be hoisted, for the remark
}

// block treats every loop of b that is not inside another loop of b as the
// root of a nest.
func (h *hoister) block(b *ir.Block) {
	if b == nil {
		return
	}
	for i, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.For:
			if !s.Cold {
				b.Stmts[i] = h.nest(s)
			}
		case *ir.If:
			h.block(s.Then)
			h.block(s.Else)
		case *ir.While:
			h.block(s.Body)
		}
	}
}

// hoistScan is what the walk of one nest found.
type hoistScan struct {
	hoisted map[ir.Stmt]bool    // checks, and wraps that never fire
	always  map[ir.Stmt]ir.Stmt // wraps that always fire, to their assignment
	conds   []ir.Expr
	seen    map[string]bool // printed conditions, to emit each once
	checks  int
}

func (sc *hoistScan) add(e ir.Expr) {
	if s := ir.ExprString(e); !sc.seen[s] {
		sc.seen[s] = true
		sc.conds = append(sc.conds, e)
	}
}

// nest versions the nest rooted at root if it has a check to hoist, and
// returns the statement that replaces root.
func (h *hoister) nest(root *ir.For) ir.Stmt {
	sc := &hoistScan{hoisted: map[ir.Stmt]bool{}, always: map[ir.Stmt]ir.Stmt{}, seen: map[string]bool{}}
	env := newNestEnv(root)
	h.walk(root.Body, env.enterLoop(root), sc)
	if sc.checks == 0 {
		h.block(root.Body)
		return root
	}
	fast := cloneWithout(root, sc.hoisted, sc.always).(*ir.For)
	h.block(fast.Body)
	root.Cold = true
	h.pc.remark(root.Pos, "hoisted %d index checks out of the loop nest", sc.checks)
	return &ir.If{Cond: andAll(sc.conds), Then: &ir.Block{Stmts: []ir.Stmt{fast}}, Else: &ir.Block{Stmts: []ir.Stmt{root}}, Pos: root.Pos}
}

// walk scans b, the body of a loop of the nest, in order.
func (h *hoister) walk(b *ir.Block, env *nestEnv, sc *hoistScan) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.Check:
			if isBoundsCheck(s) {
				if conds, why := proveOverBox(s.Cond, env); why == "" {
					sc.hoisted[s] = true
					sc.checks++
					for _, c := range conds {
						sc.add(c)
					}
					delete(h.why, s)
				} else {
					if h.why == nil {
						h.why = map[*ir.Check]string{}
					}
					h.why[s] = why
				}
			}
		case *ir.For:
			if !s.Cold {
				h.walk(s.Body, env.enterLoop(s), sc)
			}
		case *ir.If:
			if cond := neverWraps(s, env); cond != nil {
				// The fast copy drops the wrap; the test that it never
				// fires joins pre unless it is constant.
				sc.hoisted[s] = true
				if foldCmp(cond) != 1 {
					sc.add(cond)
				}
				break
			}
			if alwaysWraps(s, env) {
				// a[-1 - i]: the wrap fires at every iteration.
				sc.always[s] = s.Then.Stmts[0]
				break
			}
			h.walk(s.Then, env.child(nil), sc)
			h.walk(s.Else, env.child(nil), sc)
		case *ir.While:
			h.walk(s.Body, env.child(ir.Defined(s.Body)), sc)
		}
		env.record(s)
	}
}

// neverWraps recognises lower's negative-index wrap `if (t < 0) { u = (t
// + n) }` for an affine index t whose minimum over the box is a constant
// >= 0, or can cheaply be tested (t = i, i + 1, ...: a non-negative
// constant and positive coefficients, so only a negative loop start makes
// it negative). It returns the condition under which the wrap never
// fires, or nil.
func neverWraps(s *ir.If, env *nestEnv) ir.Expr {
	c, ok := s.Cond.(*ir.Binary)
	if !ok || c.Op != ir.Lt || !isZero(c.Y) {
		return nil
	}
	if s.Else != nil && len(s.Else.Stmts) > 0 || len(s.Then.Stmts) != 1 {
		return nil
	}
	if _, ok := s.Then.Stmts[0].(*ir.Assign); !ok {
		return nil
	}
	a := env.affine(c.X)
	if a == nil {
		return nil
	}
	min := ir.Bin(ir.Ge, env.extreme(a, false), ir.Int(0))
	switch foldCmp(min) {
	case 1:
		return min
	case 0:
		return nil
	}
	if a.c < 0 {
		return nil
	}
	for _, k := range a.iv {
		if k < 0 {
			return nil
		}
	}
	for _, t := range a.terms {
		if t.k < 0 {
			return nil
		}
	}
	return min
}

// alwaysWraps reports whether s is lower's wrap of an affine index whose
// maximum over the box is a negative constant (a[-1 - i], a[i - n]).
func alwaysWraps(s *ir.If, env *nestEnv) bool {
	c, ok := s.Cond.(*ir.Binary)
	if !ok || c.Op != ir.Lt || !isZero(c.Y) || s.Else != nil && len(s.Else.Stmts) > 0 || len(s.Then.Stmts) != 1 {
		return false
	}
	if _, ok := s.Then.Stmts[0].(*ir.Assign); !ok {
		return false
	}
	a := env.affine(c.X)
	return a != nil && foldCmp(ir.Bin(ir.Lt, env.extreme(a, true), ir.Int(0))) == 1
}

func isZero(e ir.Expr) bool {
	c, ok := e.(*ir.ConstExpr)
	return ok && c.Value == int64(0)
}

// proveOverBox returns conditions, evaluable before the nest, that imply
// cond at every iteration of the loops in env; or a reason why it cannot.
func proveOverBox(cond ir.Expr, env *nestEnv) ([]ir.Expr, string) {
	var conds []ir.Expr
	for _, atom := range conjuncts(cond) {
		b, ok := atom.(*ir.Binary)
		if !ok {
			return nil, "condition " + ir.ExprString(atom) + " is not a comparison"
		}
		x, y := env.affine(b.X), env.affine(b.Y)
		if x == nil || y == nil {
			return nil, "index " + ir.ExprString(b.X) + " is not affine in loop variables with invariant bounds"
		}
		max := false // whether the comparison needs the maximum of the left side
		switch b.Op {
		case ir.Lt, ir.Le:
			max = true
		case ir.Gt, ir.Ge:
		default:
			return nil, "condition " + ir.ExprString(atom) + " is not an ordering"
		}
		var l, r ir.Expr
		switch {
		case y.invariant(): // i < a.shape[0]: the worst i
			l, r = env.extreme(x, max), y.expr(nil)
			conds = append(conds, env.guards(x)...)
		case x.invariant(): // -a.shape[0] <= t: the worst t
			l, r = x.expr(nil), env.extreme(y, !max)
			conds = append(conds, env.guards(y)...)
		default:
			d := x.add(y, -1)
			if d == nil {
				return nil, "index arithmetic too large to bound"
			}
			l, r = env.extreme(d, max), ir.Int(0)
			conds = append(conds, env.guards(d)...)
		}
		conds = append(conds, ir.Bin(b.Op, l, r))
	}
	// Fold what is constant: a false constant means some iteration fails
	// whatever the arrays, so versioning would only add code.
	out := conds[:0]
	for _, c := range conds {
		switch foldCmp(c) {
		case 1:
			continue
		case 0:
			return nil, "the check fails at a corner of the iteration space whatever the inputs"
		}
		out = append(out, c)
	}
	conds = out
	return conds, ""
}

// conjuncts splits a && b && ... into its operands.
func conjuncts(e ir.Expr) []ir.Expr {
	if b, ok := e.(*ir.Binary); ok && b.Op == ir.AndAnd {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ir.Expr{e}
}

func andAll(es []ir.Expr) ir.Expr {
	var r ir.Expr
	for _, e := range es {
		if r == nil {
			r = e
		} else {
			r = ir.Bin(ir.AndAnd, r, e)
		}
	}
	if r == nil {
		return ir.BoolConst(true)
	}
	return r
}

// first and last return expressions, evaluable before the nest, for the
// first and last value of v's loop (meaningful when the loop runs).
func (r *loopRange) first() ir.Expr { return r.start.expr(nil) }

func (r *loopRange) last() ir.Expr {
	switch r.step {
	case 1:
		return r.stop.add(affConst(1), -1).expr(nil)
	case -1:
		return r.stop.add(affConst(1), 1).expr(nil)
	}
	// start ± ((|stop - start| - 1) // |step|) * |step|; the division
	// truncates a non-negative number whenever the loop runs.
	k, dist := r.step, r.stop.add(r.start, -1)
	if k < 0 {
		k, dist = -k, r.start.add(r.stop, -1)
	}
	if dist == nil {
		return nil
	}
	n := &ir.Intrinsic{Name: "floordiv", Args: []ir.Expr{ir.Bin(ir.Sub, dist.expr(nil), ir.Int(1)), ir.Int(k)}, T: ir.Int64}
	span := ir.Bin(ir.Mul, n, ir.Int(k))
	if r.step < 0 {
		return ir.Bin(ir.Sub, r.first(), span)
	}
	return ir.Bin(ir.Add, r.first(), span)
}

// lo and hi are the smallest and largest values of the loop variable.
func (r *loopRange) lo() ir.Expr {
	if r.step > 0 {
		return r.first()
	}
	return r.last()
}

func (r *loopRange) hi() ir.Expr {
	if r.step > 0 {
		return r.last()
	}
	return r.first()
}

// extreme returns the maximum (max) or minimum of a over the box of env's
// loops. With unit steps the corner is itself affine, which keeps the
// printed test short ((n - 1) < a.shape[0]).
func (env *nestEnv) extreme(a *affineForm, max bool) ir.Expr {
	r := &affineForm{c: a.c, terms: a.terms}
	vals := map[*ir.Var]ir.Expr{}
	for v, k := range a.iv {
		lr := env.loops[v]
		end := lr.start // the corner: first or last value
		if (k > 0) == max != (lr.step < 0) {
			end = lr.lastAffine()
		}
		if end != nil {
			r = r.add(end, k)
		}
		if end == nil || r == nil {
			r = nil
			break
		}
	}
	if r != nil {
		return r.expr(nil)
	}
	for v, k := range a.iv {
		if (k > 0) == max {
			vals[v] = env.loops[v].hi()
		} else {
			vals[v] = env.loops[v].lo()
		}
	}
	return a.expr(vals)
}

// lastAffine is the last value of a unit-step loop as an affine form, or
// nil.
func (r *loopRange) lastAffine() *affineForm {
	switch r.step {
	case 1:
		return r.stop.add(affConst(1), -1)
	case -1:
		return r.stop.add(affConst(1), 1)
	}
	return nil
}

// guards returns the magnitude conditions that keep a's arithmetic from
// wrapping anywhere in the box (see affine.go). A lone loop variable or
// term needs none: its extreme is a value the program computes anyway.
func (env *nestEnv) guards(a *affineForm) []ir.Expr {
	parts := len(a.iv) + len(a.terms)
	if a.c != 0 {
		parts++
	}
	plain := parts <= 1
	for _, k := range a.iv {
		plain = plain && (k == 1 || k == -1)
	}
	for _, t := range a.terms {
		plain = plain && (t.k == 1 || t.k == -1)
	}
	if plain {
		return nil
	}
	var gs []ir.Expr
	in := func(lo, hi ir.Expr, nonNeg bool) {
		if !nonNeg {
			gs = append(gs, ir.Bin(ir.Ge, lo, ir.Int(-maxMag)))
		}
		gs = append(gs, ir.Bin(ir.Le, hi, ir.Int(maxMag)))
	}
	for _, t := range a.sortedTerms() {
		d, ok := t.e.(*ir.Dim)
		in(t.e, t.e, ok && d.Kind == ir.Shape)
	}
	for _, v := range sortedIVs(a.iv) {
		r := env.loops[v]
		in(r.lo(), r.hi(), false)
	}
	return gs
}

func isShape(e ir.Expr) bool {
	d, ok := e.(*ir.Dim)
	return ok && d.Kind == ir.Shape
}

// foldCmp evaluates a comparison of two constants: 1 true, 0 false, -1
// not constant.
func foldCmp(e ir.Expr) int {
	b, ok := e.(*ir.Binary)
	if !ok {
		return -1
	}
	// c >= -n and -1 < n hold for a non-negative constant c and any
	// shape n.
	if x, ok := b.X.(*ir.ConstExpr); ok {
		if c, ok := x.Value.(int64); ok {
			if u, ok := b.Y.(*ir.Unary); ok && u.Op == ir.Neg && isShape(u.X) && c >= 0 && (b.Op == ir.Ge || b.Op == ir.Gt && c > 0) {
				return 1
			}
			if isShape(b.Y) && (c < 0 && b.Op == ir.Lt || c <= 0 && b.Op == ir.Le) {
				return 1
			}
		}
	}
	x, ok1 := b.X.(*ir.ConstExpr)
	y, ok2 := b.Y.(*ir.ConstExpr)
	if !ok1 || !ok2 {
		return -1
	}
	xv, ok1 := x.Value.(int64)
	yv, ok2 := y.Value.(int64)
	if !ok1 || !ok2 {
		return -1
	}
	var r bool
	switch b.Op {
	case ir.Lt:
		r = xv < yv
	case ir.Le:
		r = xv <= yv
	case ir.Gt:
		r = xv > yv
	case ir.Ge:
		r = xv >= yv
	default:
		return -1
	}
	if r {
		return 1
	}
	return 0
}

func sortedIVs(m map[*ir.Var]int64) []*ir.Var {
	vs := make([]*ir.Var, 0, len(m))
	for v := range m {
		vs = append(vs, v)
	}
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && vs[j].Name < vs[j-1].Name; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
	return vs
}

// cloneWithout deep-copies s, leaving out the statements in skip and
// putting a copy of repl[x] in place of each x in repl.
func cloneWithout(s ir.Stmt, skip map[ir.Stmt]bool, repl map[ir.Stmt]ir.Stmt) ir.Stmt {
	c := ir.CloneStmt(s)
	var strip func(b *ir.Block, orig *ir.Block)
	strip = func(b, orig *ir.Block) {
		if b == nil {
			return
		}
		out := b.Stmts[:0]
		for i, s := range b.Stmts {
			o := orig.Stmts[i]
			if skip[o] {
				continue
			}
			if r, ok := repl[o]; ok {
				out = append(out, ir.CloneStmt(r))
				continue
			}
			switch s := s.(type) {
			case *ir.If:
				strip(s.Then, o.(*ir.If).Then)
				strip(s.Else, o.(*ir.If).Else)
			case *ir.For:
				strip(s.Body, o.(*ir.For).Body)
			case *ir.While:
				strip(s.Body, o.(*ir.While).Body)
			}
			out = append(out, s)
		}
		b.Stmts = out
	}
	if f, ok := c.(*ir.For); ok {
		strip(f.Body, s.(*ir.For).Body)
	}
	return c
}
