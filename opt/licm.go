package opt

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const licmDoc = "licm moves loop-invariant computations (array layout reads, their products, invariant scalar math and assignments) out of For loops, innermost loop first and as far out as each stays invariant."

// Loop-invariant code motion.
//
// Lowered index arithmetic reads the layout of every array at every access:
// c[i, j] is c[(c.offset[0] + i*c.stride[0]) + j*c.stride[1]]. A Go
// compiler must reload c.Offset and c.Strides[1] after every store (a store
// through a []float64 might change them, as far as it knows), so the inner
// loop spends more time on layout than on data. licm computes such values
// once, before the loop, into fresh locals h1, h2, ...:
//
//   - A maximal subexpression of the loop body that is invariant (it reads
//     no variable the loop writes) and safe (it reads no array element,
//     calls nothing and cannot fault, see invariance.hoistable) becomes a
//     local assigned before the loop; equal subexpressions share one local.
//     Because it cannot fault, it may run where the original would not
//     have: before a loop that runs zero times, or before a Check in the
//     loop that would have raised first. Dims are only read from arrays
//     certainly bound before the loop.
//   - A top-level assignment v = e of the body moves before the loop when
//     e is invariant and safe, the loop assigns v nowhere else, the body
//     reads v nowhere before it, and nothing outside the loop reads v (so a
//     loop that runs zero times leaves no observable trace).
//
// Loops are processed innermost first, so what moves out of an inner loop
// lands in the outer body and moves on when it is invariant there too.
// Loads are never moved: numpy arrays of one element type may alias and a
// load may be out of range where the loop would not have run; licm leaves a
// remark for each invariant load instead. Checks, stores and calls never
// move.
func licm(f *ir.Func, c *passCtx) {
	definedWalk(f, func(loop *ir.For, defined map[*ir.Var]bool) ([]ir.Stmt, ir.Stmt) {
		return licmLoop(f, c, loop, defined), loop
	})
}

// licmLoop hoists what it can out of loop and returns the statements to put
// before it.
func licmLoop(f *ir.Func, c *passCtx, loop *ir.For, defined map[*ir.Var]bool) []ir.Stmt {
	assigned := ir.Defined(loop.Body)
	assigned[loop.Var] = true
	in := &invariance{assigned: assigned, defined: defined}
	var pre []ir.Stmt
	var moved []string

	// Whole assignments first: a moved v = e makes v invariant for what
	// follows.
	counts := assignCounts(loop.Body)
	total := varReads(withoutCold(f.Body))
	inside := varReads(loop.Body)
	var kept []ir.Stmt
	for k, s := range loop.Body.Stmts {
		a, ok := s.(*ir.Assign)
		if !ok || !isScalarType(a.Dst.Type) || !in.hoistable(a.Src) {
			kept = append(kept, s)
			continue
		}
		why := ""
		switch {
		case counts[a.Dst] > 1:
			why = "it is assigned more than once in the loop"
		case total[a.Dst] != inside[a.Dst]:
			why = "it is read outside the loop"
		case readsBefore(loop.Body.Stmts[:k], a.Dst):
			why = "the loop reads it before assigning it"
		}
		if why != "" {
			c.remark(a.Pos, "not moved out of the loop over %s: %s = %s (%s)", loop.Var.Name, a.Dst.Name, ir.ExprString(a.Src), why)
			kept = append(kept, s)
			continue
		}
		pre = append(pre, a)
		delete(assigned, a.Dst)
		moved = append(moved, a.Dst.Name+" = "+ir.ExprString(a.Src))
	}
	loop.Body.Stmts = kept

	// Then maximal invariant subexpressions, one local per distinct one.
	locals := map[string]*ir.Var{}
	// hoist is Apply's pre on an expression: a maximal hoistable one is
	// replaced by its local, anything else is searched further.
	hoist := func(cur *ir.Cursor) bool {
		e := cur.Node().(ir.Expr)
		if !trivial(e) && in.hoistable(e) {
			key := ir.ExprString(e)
			v := locals[key]
			if v == nil {
				v = newLocal(f, "h", e.Type())
				locals[key] = v
				pre = append(pre, &ir.Assign{Dst: v, Src: e, Pos: loop.Pos})
				moved = append(moved, v.Name+" = "+key)
			}
			cur.Replace(ir.Ref(v))
			return false
		}
		switch x := e.(type) {
		case *ir.Load:
			if in.hoistable(x.Offset) && !assigned[x.Arr] {
				c.remark(loop.Pos, "not moved out of the loop over %s: load %s (%s)", loop.Var.Name, ir.ExprString(x), loadReason(loop.Body, x.Arr))
			}
		case *ir.Dim:
			if !assigned[x.Arr] && !defined[x.Arr] {
				c.remark(loop.Pos, "not moved out of the loop over %s: %s (%s may be unbound before the loop)", loop.Var.Name, ir.ExprString(x), x.Arr.Name)
			}
		}
		return true
	}
	ir.Apply(loop.Body, func(cur *ir.Cursor) bool {
		switch s := cur.Node().(type) {
		case *ir.Check:
			// The message arguments are evaluated only when it fails.
			s.Cond = ir.Apply(s.Cond, hoist, nil).(ir.Expr)
			return false
		case *ir.Raise, *ir.Return:
			// Evaluated at most once per call of the function.
			return false
		case ir.Expr:
			return hoist(cur)
		}
		return true
	}, nil)
	if len(moved) > 0 {
		c.remark(loop.Pos, "moved out of the loop over %s: %s", loop.Var.Name, strings.Join(moved, "; "))
	}
	return pre
}

// loadReason says why an invariant load stays in its loop.
func loadReason(body *ir.Block, arr *ir.Var) string {
	elem := arr.Type.(*ir.Array).Elem
	why := "a load may fault where the loop would not have run it"
	ir.WalkStmts(body, func(s ir.Stmt) {
		if st, ok := s.(*ir.Store); ok && st.Arr.Type.(*ir.Array).Elem == elem {
			why = fmt.Sprintf("the loop stores %s elements, which may alias %s", elem, arr.Name)
		}
	})
	return why
}

func isScalarType(t ir.Type) bool {
	_, ok := t.(ir.Scalar)
	return ok
}

// assignCounts counts the statements of b that assign each variable.
func assignCounts(b *ir.Block) map[*ir.Var]int {
	m := map[*ir.Var]int{}
	ir.WalkStmts(b, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Assign:
			m[s.Dst]++
		case *ir.CallStmt:
			for _, d := range s.Dsts {
				if d != nil {
					m[d]++
				}
			}
		case *ir.Alloc:
			m[s.Dst]++
		case *ir.View:
			m[s.Dst]++
		case *ir.For:
			m[s.Var]++
		}
	})
	return m
}

// varReads counts the reads of each variable in b (forEachRead).
func varReads(b *ir.Block) map[*ir.Var]int {
	m := map[*ir.Var]int{}
	forEachRead(b, func(v *ir.Var) { m[v]++ })
	return m
}

// readsBefore reports whether any of stmts (nested blocks included) reads v.
func readsBefore(stmts []ir.Stmt, v *ir.Var) bool {
	return varReads(&ir.Block{Stmts: stmts})[v] > 0
}
