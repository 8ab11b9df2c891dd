package opt

import (
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// interchange: reorder a perfect loop nest so its innermost loop walks
// memory with unit stride.
//
// Which order is best depends on strides, and strides are only known at
// run time (a parameter may be a transposed or reversed view). The pass
// does not version on them: it assumes C order, the layout of every array
// numpy creates and of every Contig ("::1") annotation, under which the
// last axis has unit stride and the others are larger. Under that
// assumption an access costs a strided walk in loop v when v appears in a
// subscript other than the last, or in the last with a coefficient other
// than ±1 (strideCost). The pass makes innermost the loop with the least
// cost, keeping the current innermost on ties and the other loops in their
// order: column sums `for j: for i: out[j] += a[i, j]` become i-outer, and
// ijk matmul `c[i, j] += a[i, k] * b[k, j]` becomes ikj (j innermost costs
// nothing: c[i, j] and b[k, j] walk rows, a[i, k] is invariant). A wrong
// guess (Fortran-ordered views) costs speed, never correctness: the
// reordering is legal for any strides.
//
// Legality is the dependence test of nest.go: every pair of accesses to
// one element keeps its order, which also keeps each float accumulation in
// its order, so results are bit-identical. Loops whose order is unsafe
// (a[i, j] = a[i - 1, j + 1] + 1 carries (<, >)) are left alone with a
// remark naming the dependence. Arrays that may alias are versioned:
//
//	if !may_share(a, c) && ... { interchanged } else { cold: original }
//
// The pass runs after bchoist, whose fast copies have no index checks: a
// nest that still checks indices (or anything else that may raise) is not
// reordered, because that would change which exception comes first.
const interchangeDoc = "interchange reorders a perfect loop nest so that its innermost loop walks unit strides (C order assumed), when dependence analysis proves every access to one element keeps its order."

func interchange(f *ir.Func, pc *passCtx) {
	nestWalker(f.Body, nil, func(root *ir.For, facts map[string]bool) ([]ir.Stmt, bool) {
		n, why := analyzeNest(f, root, facts)
		if n == nil {
			if why != "" {
				pc.remark(root.Pos, "not interchanged: %s", why)
			}
			return nil, true
		}
		order := n.bestOrder()
		if isIdentity(order) {
			return nil, false
		}
		if ok, d := n.permutable(order); !ok {
			pc.remark(root.Pos, "not interchanged: %s carries a dependence", d)
			return nil, false
		}
		names := make([]string, len(order))
		for i, l := range order {
			names[i] = n.loops[l].Var.Name
		}
		pc.remark(root.Pos, "interchanged to loop order %s", strings.Join(names, ", "))
		orig := ir.CloneStmt(root).(*ir.For) // before permuted moves the body
		return n.rewrite(root, orig, n.permuted(order)), false
	})
}

// bestOrder returns the loop order interchange picks (indices into
// n.loops, outermost first).
func (n *perfectNest) bestOrder() []int {
	inner := len(n.loops) - 1
	best := n.strideCost(inner)
	for l := range n.loops {
		if c := n.strideCost(l); c < best {
			inner, best = l, c
		}
	}
	var order []int
	for l := range n.loops {
		if l != inner {
			order = append(order, l)
		}
	}
	return append(order, inner)
}

func isIdentity(order []int) bool {
	for i, l := range order {
		if i != l {
			return false
		}
	}
	return true
}

// permuted builds the nest with its loops in order around the innermost
// body (moved, not copied), without the hoisted assignments.
func (n *perfectNest) permuted(order []int) *ir.For {
	body := n.body
	for i := len(order) - 1; i >= 0; i-- {
		l := n.loops[order[i]]
		body = &ir.Block{Stmts: []ir.Stmt{&ir.For{Var: l.Var, Start: ir.CloneExpr(l.Start), Stop: ir.CloneExpr(l.Stop),
			Step: ir.CloneExpr(l.Step), Body: body, Pos: l.Pos, Parallel: l.Parallel}}}
	}
	return body.Stmts[0].(*ir.For)
}

// rewrite returns the statements that replace root: the hoisted
// assignments, then the new nest, versioned on the no-share conditions
// with orig, a copy of the original nest, as the cold fallback when there
// are any.
func (n *perfectNest) rewrite(root, orig, nest *ir.For) []ir.Stmt {
	n.inlineIndexTemps()
	var out []ir.Stmt
	for _, h := range n.hoist {
		out = append(out, ir.CloneStmt(h))
	}
	cond := noShareCond(n.noShare)
	if cond == nil {
		return append(out, nest)
	}
	orig.Cold = true
	return append(out, &ir.If{Cond: cond, Then: &ir.Block{Stmts: []ir.Stmt{nest}}, Else: &ir.Block{Stmts: []ir.Stmt{orig}}, Pos: root.Pos})
}
