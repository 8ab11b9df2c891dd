package opt

// The parallel pass decides which loops the user marked parallel
// (numba.prange, `#omp parallel for`) really run in chunks on several
// goroutines. The user's mark asserts that iterations touch different
// array elements; that cannot be checked here, and is the user's promise,
// as in numba and OpenMP. What the pass checks is everything else a
// chunked run would change:
//
//   - every scalar the body assigns must be private to an iteration
//     (assigned before any read in the iteration, and not read after the
//     loop: each chunk then has its own copy) or a reduction (s = s + e
//     and the like, s read nowhere else: each chunk has its own partial,
//     folded in chunk order afterwards);
//   - a reduction reassociates: exact for integers (wrap-around int64
//     arithmetic is associative and commutative), not for floats, which
//     need --fastmath;
//   - the body must not return or break out of the loop: a chunked loop
//     cannot stop the other chunks' iterations that Python would never
//     have run.
//
// A loop that fails a check runs sequentially, with a remark saying why;
// sequential execution is what CPython does, so the results never change,
// and compilation never fails over a prange that CPython runs fine.
// Inside an approved loop, nested marked loops stay sequential (one level
// of parallelism is all a 2-core or 8-core machine can use).

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const parallelDoc = "parallel runs the loops marked prange or #omp parallel for in contiguous chunks on goroutines when every scalar they assign is private or a reduction."

// Grains: a chunk must be worth a goroutine (about a microsecond to start
// and join). A body with a nested loop or a call does at least tens of
// nanoseconds of work per iteration, so any split helps; a straight-line
// body costs a few nanoseconds, so a chunk needs about a thousand.
const (
	grainLoop     = 1
	grainStraight = 1024
)

func parallel(f *ir.Func, c *passCtx) {
	readOut := map[*ir.For]map[*ir.Var]bool{}
	var walk func(b *ir.Block)
	walk = func(b *ir.Block) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.If:
				walk(s.Then)
				walk(s.Else)
			case *ir.While:
				walk(s.Body)
			case *ir.For:
				s.Par = nil
				if s.Cold {
					// The fallback of a versioned nest stays sequential:
					// it runs when an index check will raise, and then
					// Python's order of effects is exact.
					continue
				}
				if s.Parallel {
					if readOut[s] == nil {
						readOut[s] = readOutside(f, s)
					}
					if par, why := parLegal(s, readOut[s], c.cfg.FastMath); par != nil {
						s.Par = par
						c.remark(s.Pos, "parallel loop over %s in chunks%s", s.Var.Name, parDetail(par))
						sequentialInside(s.Body, c)
						continue
					} else {
						c.remark(s.Pos, "runs sequentially: %s", why)
					}
				}
				walk(s.Body)
			}
		}
	}
	walk(f.Body)
}

// sequentialInside clears the verdict of marked loops nested in an
// approved one, with a remark each.
func sequentialInside(b *ir.Block, c *passCtx) {
	ir.WalkStmts(b, func(s ir.Stmt) {
		if l, ok := s.(*ir.For); ok && l.Parallel {
			l.Par = nil
			c.remark(l.Pos, "runs sequentially: nested in a parallel loop")
		}
	})
}

func parDetail(p *ir.ParLoop) string {
	var parts []string
	for _, r := range p.Reductions {
		parts = append(parts, r.Var.Name+":"+r.Op)
	}
	if len(parts) == 0 {
		return ""
	}
	return ", reductions " + strings.Join(parts, ", ")
}

// parLegal returns the chunking of loop, or nil and the reason it must
// run sequentially.
func parLegal(loop *ir.For, readOut map[*ir.Var]bool, fastmath bool) (*ir.ParLoop, string) {
	if x := exits(loop.Body, 0); x != nil {
		what := "returns"
		if _, ok := x.(*ir.Break); ok {
			what = "breaks out of the loop"
		}
		return nil, fmt.Sprintf("the body %s at %s", what, x.StmtPos())
	}
	defs := ir.Defined(loop.Body)
	red := reductions(loop.Body)
	par := &ir.ParLoop{Grain: grainStraight}
	cands := map[*ir.Var]bool{}
	for _, v := range sortedVars(defs) {
		op, isRed := red[v]
		if !isRed {
			cands[v] = true
			continue
		}
		ok, exact := reductionKind(v.Type, op)
		switch {
		case !ok:
			return nil, fmt.Sprintf("%s = %s(%s, ...) on %s is not a reduction pyc2go splits", v.Name, op, v.Name, v.Type)
		case !exact && !fastmath:
			return nil, fmt.Sprintf("%s is a %s reduction: chunked partial sums reassociate it and change the last bits (allowed with --fastmath)", v.Name, v.Type)
		}
		par.Reductions = append(par.Reductions, ir.Reduction{Var: v, Op: op})
	}
	for _, v := range sortedVars(carried(loop.Body, cands)) {
		if accumulatorShaped(loop.Body, v) {
			return nil, fmt.Sprintf("%s is updated like a reduction but also used otherwise in the loop, where it would see a chunk's partial value", v.Name)
		}
		return nil, fmt.Sprintf("%s is carried from one iteration to the next", v.Name)
	}
	for _, v := range sortedVars(cands) {
		if readOut[v] {
			return nil, fmt.Sprintf("%s is assigned in the loop and read outside it", v.Name)
		}
		par.Private = append(par.Private, v)
	}
	ir.WalkStmts(loop.Body, func(s ir.Stmt) {
		switch s.(type) {
		case *ir.For, *ir.While, *ir.CallStmt:
			par.Grain = grainLoop
		}
	})
	ir.WalkExprs(loop.Body, func(e ir.Expr) {
		if _, ok := e.(*ir.Call); ok {
			par.Grain = grainLoop
		}
	})
	return par, ""
}

// accumulatorShaped reports whether body updates v as a reduction
// somewhere (s = s + e), for a remark more precise than "carried".
func accumulatorShaped(body *ir.Block, v *ir.Var) bool {
	found := false
	ir.WalkStmts(body, func(s ir.Stmt) {
		if a, ok := s.(*ir.Assign); ok && a.Dst == v {
			if op, _ := reduceOp(a); op != "" {
				found = true
			}
		}
	})
	return found
}
