package opt

import (
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const contigDoc = "contig gives every innermost loop whose element accesses have run-time strides a unit-stride copy, selected by one check that all those strides are 1 before the outermost loop in which they are invariant, keeping the strided loop as the fallback."

// Contiguity versioning.
//
// Lowered accesses read strides at run time: x[x.offset[0] + i*x.stride[0]]
// is right for every view, but the multiply hides from the Go compiler (and
// from window, which needs base + i) that the common case walks memory one
// element at a time. For an innermost loop over i whose every access that
// depends on i is base + i*s with base and s invariant (see decompose),
// contig collects the distinct non-constant strides s1..sn and rewrites
//
//	for i ... { body }
//
// into
//
//	if s1 == 1 && ... && sn == 1 { for i ... { body with base + i } } else { for i ... { body } }
//
// The two loops compute the same values in the same order: the copy only
// replaces s by the 1 it equals. The check goes before the outermost For
// around the loop in which all the strides stay invariant, as long as that
// loop holds no other loop (so a 2-D elementwise nest is checked once, not
// once per row, and no loop is ever copied twice); the whole nest is
// copied. A stride that is a constant other than 1 leaves the loop alone
// with a remark; an access that varies in another way (a gather
// x[idx[i]]) stays as it is in both copies, with a remark; a loop with
// only such accesses is not versioned.
//
// Loops in a parallel loop (or parallel themselves) are not copied: the
// parallel pass, which runs later, privatises a chunk's scalars only when
// nothing outside the loop reads them, and a copy would read them.
func contig(f *ir.Func, c *passCtx) {
	defined := definedAt(f)
	inPar := parallelNested(f)
	for _, site := range loopSites(f) {
		if !innermost(site.loop.Body) {
			continue
		}
		if inPar[site.loop] {
			c.remark(site.loop.Pos, "not versioned: the loop over %s is in a parallel loop", site.loop.Var.Name)
			continue
		}
		contigLoop(f, c, site, defined)
	}
}

// parallelNested returns the For loops of f that are parallel or nested in
// a parallel loop.
func parallelNested(f *ir.Func) map[*ir.For]bool {
	m := map[*ir.For]bool{}
	var block func(b *ir.Block, in bool)
	block = func(b *ir.Block, in bool) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.If:
				block(s.Then, in)
				block(s.Else, in)
			case *ir.While:
				block(s.Body, in)
			case *ir.For:
				p := in || s.Parallel
				m[s] = p
				block(s.Body, p)
			}
		}
	}
	block(f.Body, false)
	return m
}

func contigLoop(f *ir.Func, c *passCtx, site loopSite, defined map[*ir.For]map[*ir.Var]bool) {
	loop := site.loop
	in := loopInvariance(loop, defined[loop])
	forwardOffsets(f, loop, in)
	iv := map[*ir.Var]bool{loop.Var: true}
	var strides []ir.Expr
	seen := map[string]bool{}
	refuse := ""
	var other []string // accesses that vary but not as base + i*s
	accesses(loop.Body, func(arr *ir.Var, off *ir.Expr) {
		if refuse != "" || in.hoistable(*off) {
			return
		}
		a, ok := decompose(*off, loop.Var, in)
		if !ok {
			other = append(other, arr.Name+"["+ir.ExprString(*off)+"]")
			return
		}
		if k, ok := a.Step.(*ir.ConstExpr); ok {
			if k.Value != int64(1) {
				refuse = arr.Name + " has the constant stride " + ir.ExprString(k)
			}
			return
		}
		if key := ir.ExprString(a.Step); !seen[key] {
			seen[key] = true
			strides = append(strides, a.Step)
		}
	})
	if refuse != "" {
		c.remark(loop.Pos, "not versioned: %s", refuse)
		return
	}
	if len(strides) == 0 {
		if len(other) > 0 {
			c.remark(loop.Pos, "not versioned: no access is base + %s*stride with invariant base and stride (%s)", loop.Var.Name, strings.Join(other, ", "))
		}
		return // otherwise every access is already unit-stride or invariant
	}

	// Move the check out through the enclosing loops in which the strides
	// stay invariant and which hold no other loop.
	target, parent := loop, site.parent
	for k := len(site.nest) - 1; k >= 0; k-- {
		outer := site.nest[k]
		if loopsIn(outer.loop.Body) != len(site.nest)-k {
			break
		}
		oin := loopInvariance(outer.loop, defined[outer.loop])
		ok := true
		for _, s := range strides {
			ok = ok && oin.hoistable(s)
		}
		if !ok {
			break
		}
		target, parent = outer.loop, outer.parent
	}

	var cond ir.Expr
	var conds []string
	for _, s := range strides {
		eq := ir.Bin(ir.Eq, ir.CloneExpr(s), ir.Int(1))
		conds = append(conds, ir.ExprString(eq))
		if cond == nil {
			cond = eq
		} else {
			cond = ir.Bin(ir.AndAnd, cond, eq)
		}
	}
	fast := ir.CloneStmt(target).(*ir.For)
	fl := copyOf(target, fast, loop)
	accesses(fl.Body, func(arr *ir.Var, off *ir.Expr) {
		if !ir.ReadsAny(*off, iv) {
			return
		}
		if a, ok := decompose(*off, fl.Var, in); ok {
			if _, isConst := a.Step.(*ir.ConstExpr); !isConst {
				*off = add(a.Base, ir.Ref(fl.Var))
			}
		}
	})
	replaceStmt(parent, target, &ir.If{
		Cond: cond,
		Then: &ir.Block{Stmts: []ir.Stmt{fast}},
		Else: &ir.Block{Stmts: []ir.Stmt{target}},
		Pos:  target.Pos,
	})
	where := ""
	if target != loop {
		where = ", checked before the loop over " + target.Var.Name
	}
	if len(other) > 0 {
		where += "; left as they are: " + strings.Join(other, ", ")
	}
	c.remark(loop.Pos, "versioned the loop over %s on %s%s", loop.Var.Name, strings.Join(conds, " && "), where)
}

// loopInvariance is the invariance of loop, given the arrays defined
// before it.
func loopInvariance(loop *ir.For, defined map[*ir.Var]bool) *invariance {
	assigned := ir.Defined(loop.Body)
	assigned[loop.Var] = true
	return &invariance{assigned: assigned, defined: defined}
}
