package opt

// The unroll pass breaks the dependence chain of a reduction loop. In
//
//	for i in range(n):
//	    s += x[i] * y[i]
//
// every addition waits for the previous one (4 cycles for a float add, 1
// for an int add, while the loads could go faster). Unrolled by 4 with one
// accumulator per copy of the body,
//
//	s1 = s2 = s3 = 0                 # the operator's identity
//	iu = 0
//	lim = max(n, MinInt64+3) - 3     # no wrap-around near MinInt64
//	while iu < lim:
//	    s  += x[iu]   * y[iu]
//	    s1 += x[iu+1] * y[iu+1]
//	    s2 += x[iu+2] * y[iu+2]
//	    s3 += x[iu+3] * y[iu+3]
//	    iu += 4
//	for i in range(iu, n):           # the remainder, with s
//	    s += x[i] * y[i]
//	s = s + ((s1 + s2) + s3)
//
// the four chains run in parallel. The copies run in the original order,
// so every array access, check and exception happens at the same
// iteration as before; only the accumulators' association changes. That
// is exact for integers (int64 arithmetic wraps: + * & | ^ min max are
// associative and commutative on it), so integer reductions are always
// unrolled, and inexact for floats, which are unrolled only under
// --fastmath.
//
// The pass refuses, with a remark, loops that are not innermost, whose
// step is not 1 (the main loop's bound would need an overflow analysis),
// that can leave early (break, continue, return: the copies would need
// exits of their own), whose accumulator is read besides its update (the
// read would see a partial value), or that carry another scalar from one
// iteration to the next (the copies would be chained through it anyway).
// One kind of carried scalar is accepted: an induction variable advanced
// by a loop-invariant amount once per iteration (the stride pass's running
// offsets, p = p + stride), which the in-order copies advance exactly as
// the iterations would, and whose chain is one cheap add.

import (
	"fmt"
	"math"

	"github.com/pyc2go/pyc2go/ir"
)

const unrollDoc = "unroll splits the accumulator of an innermost reduction loop (s += x[i] and the like) into four independent ones, for integers always and for floats under --fastmath."

// unrollBy is the number of accumulators: enough to cover a float add's
// latency (4 cycles) with one add per cycle; more only lengthens the
// remainder.
const unrollBy = 4

func unroll(f *ir.Func, c *passCtx) {
	u := &unroller{f: f, c: c, names: map[string]bool{}}
	for _, v := range f.Params {
		u.names[v.Name] = true
	}
	for _, v := range f.Locals {
		u.names[v.Name] = true
	}
	u.block(f.Body)
}

type unroller struct {
	f     *ir.Func
	c     *passCtx
	names map[string]bool
	// par is the chunked loop being walked, if any: the locals unroll
	// makes inside its body are private to its chunks.
	par *ir.ParLoop
}

func (u *unroller) block(b *ir.Block) {
	if b == nil {
		return
	}
	var out []ir.Stmt
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.If:
			u.block(s.Then)
			u.block(s.Else)
		case *ir.While:
			u.block(s.Body)
		case *ir.For:
			if s.Cold {
				// The fallback of a versioned nest (bchoist) runs only
				// on the way to an exception; it keeps its form.
				break
			}
			if s.Par != nil {
				// A parallel loop's body runs in chunks; its own
				// accumulators are the chunks' partials. Loops inside it
				// are fair game.
				outer := u.par
				u.par = s.Par
				u.block(s.Body)
				u.par = outer
				break
			}
			if rep := u.loop(s); rep != nil {
				out = append(out, rep...)
				continue
			}
			u.block(s.Body)
		}
		out = append(out, s)
	}
	b.Stmts = out
}

// loop returns the statements replacing l, or nil to keep it.
func (u *unroller) loop(l *ir.For) []ir.Stmt {
	// Only loops that update an accumulator are candidates; the others
	// get no remark (they are not reduction loops).
	shaped := map[*ir.Var]bool{}
	ir.WalkStmts(l.Body, func(s ir.Stmt) {
		if a, ok := s.(*ir.Assign); ok {
			if op, _ := reduceOp(a); op != "" {
				shaped[a.Dst] = true
			}
		}
	})
	if len(shaped) == 0 {
		return nil
	}
	refuse := func(format string, args ...any) []ir.Stmt {
		u.c.remark(l.Pos, "not unrolled: "+format, args...)
		return nil
	}
	nested := false
	var exit ir.Stmt
	ir.WalkStmts(l.Body, func(s ir.Stmt) {
		switch s.(type) {
		case *ir.For, *ir.While:
			nested = true
		case *ir.Break, *ir.Continue, *ir.Return:
			if exit == nil {
				exit = s
			}
		}
	})
	if nested {
		return nil // the inner loop is the candidate
	}
	if exit != nil {
		return refuse("the body may leave the iteration early (%s at %s)", stmtKeyword(exit), exit.StmtPos())
	}
	if c, ok := l.Step.(*ir.ConstExpr); !ok || c.Value != int64(1) {
		return refuse("the step is not 1")
	}
	red := reductions(l.Body)
	defs := ir.Defined(l.Body)
	ivs := map[*ir.Var]bool{}
	for _, v := range sortedVars(shaped) {
		if _, ok := red[v]; ok {
			continue
		}
		if induction(l.Body, v, defs) {
			// A running offset (p = p + stride, from the stride pass):
			// read in the body, so not split, but the copies run in
			// order and advance it as the iterations would.
			ivs[v] = true
			continue
		}
		return refuse("%s is used in the loop besides its reduction update, and would see a partial value", v.Name)
	}
	var accs []*ir.Var
	for _, v := range sortedVars(shaped) {
		if ivs[v] {
			continue
		}
		ok, exact := reductionKind(v.Type, red[v])
		switch {
		case !ok:
			return refuse("%s = %s(%s, ...) on %s does not reassociate", v.Name, red[v], v.Name, v.Type)
		case !exact && !u.c.cfg.FastMath:
			return refuse("%s is a %s reduction: several accumulators reassociate it and change the last bits (allowed with --fastmath)", v.Name, v.Type)
		}
		accs = append(accs, v)
	}
	if len(accs) == 0 {
		return nil // only induction variables: not a reduction loop
	}
	others := map[*ir.Var]bool{}
	for v := range defs {
		if !shaped[v] {
			others[v] = true
		}
	}
	for _, v := range sortedVars(carried(l.Body, others)) {
		return refuse("%s is carried from one iteration to the next", v.Name)
	}
	return u.rewrite(l, accs, red)
}

func stmtKeyword(s ir.Stmt) string {
	switch s.(type) {
	case *ir.Break:
		return "break"
	case *ir.Continue:
		return "continue"
	}
	return "return"
}

// rewrite builds the unrolled loop, its remainder and the final fold.
func (u *unroller) rewrite(l *ir.For, accs []*ir.Var, ops map[*ir.Var]string) []ir.Stmt {
	pos := l.Pos
	var out []ir.Stmt
	// parts[v][k] is the accumulator of copy k (parts[v][0] is v).
	parts := map[*ir.Var][]*ir.Var{}
	for _, v := range accs {
		ps := []*ir.Var{v}
		for k := 1; k < unrollBy; k++ {
			p := u.local(fmt.Sprintf("%s_u%d", v.Name, k), v.Type)
			ps = append(ps, p)
			out = append(out, &ir.Assign{Dst: p, Src: reductionStart(v, ops[v]), Pos: pos})
		}
		parts[v] = ps
	}
	iu := u.local(l.Var.Name+"_u", ir.Int64)
	lim := u.local(l.Var.Name+"_lim", ir.Int64)
	out = append(out,
		&ir.Assign{Dst: iu, Src: ir.CloneExpr(l.Start), Pos: pos},
		&ir.Assign{Dst: lim, Src: mainLimit(l.Stop), Pos: pos})
	var body []ir.Stmt
	for k := 0; k < unrollBy; k++ {
		var at ir.Expr = ir.Ref(iu)
		if k > 0 {
			at = ir.Bin(ir.Add, ir.Ref(iu), ir.Int(int64(k)))
		}
		rename := map[*ir.Var]*ir.Var{}
		for _, v := range accs {
			rename[v] = parts[v][k]
		}
		body = append(body, cloneStmts(l.Body.Stmts, l.Var, at, rename)...)
	}
	body = append(body, &ir.Assign{Dst: iu, Src: ir.Bin(ir.Add, ir.Ref(iu), ir.Int(unrollBy)), Pos: pos})
	out = append(out, &ir.While{Cond: ir.Bin(ir.Lt, ir.Ref(iu), ir.Ref(lim)), Body: &ir.Block{Stmts: body}, Pos: pos})
	l.Start = ir.Ref(iu)
	l.Windows = nil // windows need start 0; the remainder loop starts at iu
	out = append(out, l)
	for _, v := range accs {
		// v = v op ((p1 op p2) op p3): a fixed tree, so the result
		// depends on the inputs only, and itself a reduction update of v
		// (an enclosing chunked loop may have v as its reduction). For
		// "-", v holds v - e0 - ... and the others 0 - ek - ...: they add.
		ps, op := parts[v], combineOp(ops[v])
		acc := ir.Expr(ir.Ref(ps[1]))
		for _, p := range ps[2:] {
			acc = foldOp(v, op, acc, ir.Ref(p))
		}
		out = append(out, &ir.Assign{Dst: v, Src: foldOp(v, op, ir.Ref(v), acc), Pos: pos})
	}
	u.c.remark(pos, "unrolled by %d with %d accumulators each for %s", unrollBy, unrollBy, varNames(accs))
	return out
}

func varNames(vs []*ir.Var) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		s += v.Name
	}
	return s
}

// mainLimit is the bound of the unrolled loop, stop - (unrollBy-1), with
// stop first raised so the subtraction cannot wrap (a stop that low means
// fewer than unrollBy iterations anyway: the unrolled loop is skipped).
func mainLimit(stop ir.Expr) ir.Expr {
	floor := int64(math.MinInt64 + unrollBy - 1)
	if c, ok := stop.(*ir.ConstExpr); ok {
		return ir.Int(max(c.Value.(int64), floor) - (unrollBy - 1))
	}
	m := &ir.Intrinsic{Name: "max", Args: []ir.Expr{ir.CloneExpr(stop), ir.Int(floor)}, T: ir.Int64}
	return ir.Bin(ir.Sub, m, ir.Int(unrollBy-1))
}

// reductionStart is the initial value of an extra accumulator: the
// operator's identity, or v itself for idempotent operators (min, max, &,
// |), whose identity depends on the type.
func reductionStart(v *ir.Var, op string) ir.Expr {
	t := v.Type.(ir.Scalar)
	zero := func(n int64) ir.Expr {
		if t.IsFloat() {
			return &ir.ConstExpr{T: t, Value: float64(n)}
		}
		return &ir.ConstExpr{T: t, Value: n}
	}
	switch op {
	case "+", "-", "^":
		return zero(0)
	case "*":
		return zero(1)
	}
	return ir.Ref(v)
}

func combineOp(op string) string {
	if op == "-" {
		return "+"
	}
	return op
}

// foldOp builds x op y in v's type.
func foldOp(v *ir.Var, op string, x, y ir.Expr) ir.Expr {
	switch op {
	case "min", "max":
		return &ir.Intrinsic{Name: op, Args: []ir.Expr{x, y}, T: v.Type}
	}
	for b, name := range binOpNames {
		if name == op {
			return ir.Bin(b, x, y)
		}
	}
	panic("unroll: unknown reduction operator " + op)
}

// local adds a fresh local named after base.
func (u *unroller) local(base string, t ir.Type) *ir.Var {
	name := base
	for i := 2; u.names[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	u.names[name] = true
	v := &ir.Var{Name: name, Type: t}
	u.f.Locals = append(u.f.Locals, v)
	if u.par != nil {
		u.par.Private = append(u.par.Private, v)
	}
	return v
}

// cloneStmts copies a loop body with the induction variable iv replaced by
// at and the variables of rename renamed (reads, and the destinations of
// Assign and CallStmt).
func cloneStmts(ss []ir.Stmt, iv *ir.Var, at ir.Expr, rename map[*ir.Var]*ir.Var) []ir.Stmt {
	dst := func(v *ir.Var) *ir.Var {
		if n := rename[v]; n != nil {
			return n
		}
		return v
	}
	b := ir.CloneBlock(&ir.Block{Stmts: ss})
	ir.Apply(b, func(c *ir.Cursor) bool {
		switch n := c.Node().(type) {
		case *ir.For, *ir.While, *ir.Break, *ir.Continue, *ir.Return:
			// loop refuses bodies with loops or exits before cloning.
			panic(fmt.Sprintf("unroll: cannot copy %T", n))
		case *ir.Assign:
			n.Dst = dst(n.Dst)
		case *ir.CallStmt:
			for i, d := range n.Dsts {
				if d != nil {
					n.Dsts[i] = dst(d)
				}
			}
		case *ir.VarRef:
			if n.V == iv {
				c.Replace(ir.CloneExpr(at))
				return false
			}
			if r := rename[n.V]; r != nil {
				c.Replace(ir.Ref(r))
			}
		}
		return true
	}, nil)
	return b.Stmts
}

// induction reports whether v is an induction variable of the loop body:
// every assignment to v is a top-level v = v + e or v = v - e (so it runs
// once per iteration) with e loop-invariant (no load, no call, no
// variable the body defines).
func induction(body *ir.Block, v *ir.Var, defs map[*ir.Var]bool) bool {
	top := map[ir.Stmt]bool{}
	for _, s := range body.Stmts {
		top[s] = true
	}
	ok, n := true, 0
	ir.WalkStmts(body, func(s ir.Stmt) {
		a, isAssign := s.(*ir.Assign)
		if !isAssign || a.Dst != v {
			return
		}
		n++
		op, rest := reduceOp(a)
		if !top[s] || (op != "+" && op != "-") || !loopInvariant(rest, defs) {
			ok = false
		}
	})
	return ok && n > 0
}

// loopInvariant reports whether e reads no memory, calls nothing and
// reads no variable of defs.
func loopInvariant(e ir.Expr, defs map[*ir.Var]bool) bool {
	return !ir.TouchesMemory(e) && !ir.ReadsAny(e, defs)
}
