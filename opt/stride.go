package opt

import (
	"github.com/pyc2go/pyc2go/ir"
)

const strideDoc = "stride strength-reduces the element offsets base + i*s of innermost loops to running offsets that grow by s each iteration (or, in loops with continue, to base + i*s with base computed once), so an access costs at most one add."

// Stride strength reduction.
//
// After licm an access in an innermost loop over i is typically
// x[b + i*s] with b and s invariant locals: a multiply and an add per
// access per iteration. stride gives each distinct (b, s) pair a running
// offset p:
//
//	p = b + start*s                  before the loop
//	... x[p] ...                     in the body
//	p = p + step*s                   at the end of the body
//
// p holds b + i*s at every access (int64 arithmetic wraps the same way
// either way, so even overflowing offsets agree). The increment at the end
// of the body is skipped by a continue, so a loop with a continue keeps
// b + i*s and only gets b computed before the loop when it is not already
// a variable or constant, and so does a parallel loop, whose iterations
// must stay independent; break and return leave the loop, where p is dead.
// Offsets with the constant stride 1 (the unit-stride copies contig makes)
// are already one add and stay as they are, which window relies on.
// Accesses that depend on i in any other way are left alone.
func stride(f *ir.Func, c *passCtx) {
	defined := definedAt(f)
	for _, site := range loopSites(f) {
		if innermost(site.loop.Body) {
			strideLoop(f, c, site, defined)
		}
	}
}

func strideLoop(f *ir.Func, c *passCtx, site loopSite, defined map[*ir.For]map[*ir.Var]bool) {
	loop := site.loop
	in := loopInvariance(loop, defined[loop])
	forwardOffsets(f, loop, in)
	iv := map[*ir.Var]bool{loop.Var: true}
	// Start and Step are evaluated once, before the body, in any case; a
	// Start that reads memory cannot be repeated before the loop.
	if !in.hoistable(loop.Start) {
		c.remark(loop.Pos, "not strength-reduced: the start %s of the loop over %s is not safe to repeat", ir.ExprString(loop.Start), loop.Var.Name)
		return
	}
	type group struct {
		aff  affine
		offs []*ir.Expr
	}
	var groups []*group
	byKey := map[string]*group{}
	accesses(loop.Body, func(arr *ir.Var, off *ir.Expr) {
		if !ir.ReadsAny(*off, iv) {
			return
		}
		a, ok := decompose(*off, loop.Var, in)
		if !ok || isConstInt(a.Step, 1) {
			return
		}
		key := "0"
		if a.Base != nil {
			key = ir.ExprString(a.Base)
		}
		key += " | " + ir.ExprString(a.Step)
		g := byKey[key]
		if g == nil {
			g = &group{aff: a}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.offs = append(g.offs, off)
	})
	if len(groups) == 0 {
		return
	}
	pre := []ir.Stmt{}
	if why := rowBasesOnly(loop); why != "" {
		// Row bases only: base + i*s, with base computed once.
		n := 0
		for _, g := range groups {
			if g.aff.Base == nil || trivial(g.aff.Base) {
				continue
			}
			r := newLocal(f, "r", ir.Int64)
			pre = append(pre, &ir.Assign{Dst: r, Src: ir.CloneExpr(g.aff.Base), Pos: loop.Pos})
			for _, off := range g.offs {
				*off = add(ir.Ref(r), mulInt(ir.Ref(loop.Var), ir.CloneExpr(g.aff.Step)))
			}
			n++
		}
		c.remark(loop.Pos, "no running offsets in the loop over %s: %s (%d row bases computed before it)", loop.Var.Name, why, n)
	} else {
		var incs []ir.Stmt
		for _, g := range groups {
			p := newLocal(f, "p", ir.Int64)
			var base ir.Expr
			if g.aff.Base != nil {
				base = ir.CloneExpr(g.aff.Base)
			}
			pre = append(pre, &ir.Assign{Dst: p, Src: add(base, mulInt(ir.CloneExpr(loop.Start), ir.CloneExpr(g.aff.Step))), Pos: loop.Pos})
			incs = append(incs, &ir.Assign{Dst: p, Src: add(ir.Ref(p), mulInt(ir.CloneExpr(loop.Step), ir.CloneExpr(g.aff.Step))), Pos: loop.Pos})
			for _, off := range g.offs {
				*off = ir.Ref(p)
			}
		}
		loop.Body.Stmts = append(loop.Body.Stmts, incs...)
		c.remark(loop.Pos, "%d running offsets in the loop over %s", len(groups), loop.Var.Name)
	}
	if len(pre) > 0 {
		ps := site.parent.Stmts
		for i, s := range ps {
			if s == loop {
				site.parent.Stmts = append(ps[:i:i], append(pre, ps[i:]...)...)
				return
			}
		}
		panic("stride: loop not in its parent block")
	}
}

// rowBasesOnly says why loop cannot carry running offsets, or "": a
// continue skips the increments at the end of the body, and the iterations
// of a parallel loop must not depend on each other.
func rowBasesOnly(loop *ir.For) string {
	switch {
	case loop.Parallel:
		return "it is a parallel loop"
	case continues(loop.Body):
		return "its body has a continue"
	}
	return ""
}
