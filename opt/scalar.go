package opt

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const scalarDoc = "scalar keeps an array element that a loop updates (or only reads) at one loop-invariant offset in a local for the loop: loaded before it, stored back after it."

// Scalar replacement of loop-invariant array elements.
//
// After interchange, the innermost loop of a polybench-style update
// (syrk's C[i, j] += alpha*A[i, k]*A[j, k] over k) reads and writes one
// element of C on every iteration:
//
//	for k = range(0, m, 1) {
//	  t5 = C[h3]
//	  C[h3] = (t5 + (t8 * A[(h6 + k)]))
//	}
//
// Go reloads the element after each store (it cannot know that A's loads
// do not see it), and each iteration waits for the store before: the
// loop runs at memory latency. scalar gives the element a local:
//
//	if (0 < m) {
//	  s1 = C[h3]
//	  for k = range(0, m, 1) {
//	    t5 = s1
//	    s1 = (t5 + (t8 * A[(h6 + k)]))
//	  }
//	  C[h3] = s1
//	}
//
// The same operations run in the same order on the same values, so the
// results are bit-identical; only where the element lives between them
// changes. That is correct when nothing else in the loop reads or writes
// the element, the loop cannot leave the function half-way, and the
// load before the loop is one the loop itself would have made. For a
// For loop and an array x whose Store at offset e is a statement of the
// loop's own body (not inside a branch or an inner loop), the pass
// requires:
//
//   - e is invariant: it reads no variable the loop assigns (nor the
//     induction variable) and loads no array element; x is not assigned
//     in the loop;
//   - every Load and Store of x in the loop, nested ones included, is at
//     offset e (the same expression);
//   - the element is reached through no other array variable: either x
//     is the only array the loop accesses, or x is in the Restrict list
//     of the loop or of a loop around it (opt/restrict.go's proof: an
//     element the loop writes through x is accessed through x alone);
//   - the body is plain arithmetic: scalar assignments, stores, ifs and
//     nested For loops over expressions that call nothing and pass no
//     array to an intrinsic. No Check, Raise, Return, call, Break,
//     Continue or While: the loop runs to its end once it starts, and
//     the store of every iteration happens, so the element's offset is
//     in range (the loop's first iteration would have stored there).
//
// An element the loop only loads (the row mean of np.var's deviation
// loop, t5[h11] / t4 per element) is kept the same way, without the
// store after the loop, when a top-level Assign or Store of the body
// loads it unconditionally (not under && or ||), no store of the loop
// is through x, and every array the loop stores is in a Restrict list
// around it (or x is): then no store reaches the element. The maximal
// expressions that read such a local and are otherwise invariant and
// cannot fault (invariance.hoistable, licm's rule) are computed before
// the loop too: licm, which runs earlier, moves no loads, so the
// division of the mean stayed in the loop.
//
// The load before the loop and the store after it run only when the
// loop runs at least once (Start < Stop, for a constant positive Step,
// or Start > Stop for a negative one), so a loop that runs zero times
// still touches no memory. Step must be a constant.
//
// Cold loops and everything in them are left alone (ir.For.Cold), and so
// are parallel loops themselves (their chunks would share the local); a
// loop inside a parallel one is rewritten, and its local becomes a
// Private of the parallel loop. The pass runs after restrict, whose
// lists it reads; it removes x from the rewritten loop's own Restrict
// list, since the loop no longer accesses x (C would print an unused
// restrict parameter).
func scalar(f *ir.Func, c *passCtx) {
	s := &scalarizer{f: f, c: c}
	s.block(f.Body, nil)
}

type scalarizer struct {
	f *ir.Func
	c *passCtx
}

// block rewrites the loops of b; outer holds the loops around b,
// outermost first.
func (s *scalarizer) block(b *ir.Block, outer []*ir.For) {
	if b == nil {
		return
	}
	for i, st := range b.Stmts {
		switch st := st.(type) {
		case *ir.If:
			s.block(st.Then, outer)
			s.block(st.Else, outer)
		case *ir.While:
			s.block(st.Body, outer)
		case *ir.For:
			if st.Cold {
				continue // the fallback keeps its form (ir.For.Cold)
			}
			s.block(st.Body, append(outer[:len(outer):len(outer)], st))
			if repl := s.loop(st, outer); repl != nil {
				b.Stmts[i] = repl
			}
		}
	}
}

// candidate is an element the loop keeps in a local: one it stores (and
// maybe loads), or one it only loads.
type candidate struct {
	arr   *ir.Var
	off   ir.Expr
	write bool
	loc   *ir.Var
}

// matches reports whether an access of arr at off is cd's element.
func (cd *candidate) matches(arr *ir.Var, off ir.Expr) bool {
	return arr == cd.arr && (cd.write || ir.SameExpr(off, cd.off))
}

// loop rewrites loop when it has elements to keep in locals, returning
// the statement that replaces it, or nil.
func (s *scalarizer) loop(loop *ir.For, outer []*ir.For) ir.Stmt {
	if loop.Par != nil || loop.Parallel || loop.Concurrent {
		return nil
	}
	cands := append(writeCandidates(loop), readCandidates(loop)...)
	if len(cands) == 0 {
		return nil
	}
	if why := plainBody(loop.Body); why != "" {
		s.c.remark(loop.Pos, "no scalar replacement in the loop over %s: %s", loop.Var.Name, why)
		return nil
	}
	step, ok := loop.Step.(*ir.ConstExpr)
	if !ok {
		s.c.remark(loop.Pos, "no scalar replacement in the loop over %s: its step is not a constant", loop.Var.Name)
		return nil
	}
	// The arrays the loop accesses and stores, and the ones whose
	// elements the no-alias proof covers.
	arrays, stored := map[*ir.Var]bool{}, map[*ir.Var]bool{}
	accesses(loop.Body, func(arr *ir.Var, _ *ir.Expr) { arrays[arr] = true })
	ir.WalkStmts(loop.Body, func(st ir.Stmt) {
		if x, ok := st.(*ir.Store); ok {
			stored[x.Arr] = true
		}
	})
	restricted := map[*ir.Var]bool{}
	for _, l := range append(outer[:len(outer):len(outer)], loop) {
		for _, v := range l.Restrict {
			restricted[v] = true
		}
	}
	storesApart := true // every store of the loop is through a restricted array
	for v := range stored {
		storesApart = storesApart && restricted[v]
	}
	var kept []candidate
	for _, cd := range cands {
		// A stored element needs no other array to reach it; a loaded
		// one, no store of another array to reach it (a store through
		// a restricted array reaches only what that array reaches).
		if restricted[cd.arr] || cd.write && len(arrays) == 1 || !cd.write && storesApart {
			kept = append(kept, cd)
			continue
		}
		s.c.remark(loop.Pos, "no scalar replacement of %s[%s] in the loop over %s: %s may share memory with another array of the loop", cd.arr.Name, ir.ExprString(cd.off), loop.Var.Name, cd.arr.Name)
	}
	if len(kept) == 0 {
		return nil
	}

	// Rewrite: loads of the element read the local, stores write it.
	var pre, post []ir.Stmt
	var names []string
	private := func(v *ir.Var) {
		for _, l := range outer {
			if l.Par != nil {
				l.Par.Private = append(l.Par.Private, v)
			}
		}
	}
	for i := range kept {
		cd := &kept[i]
		cd.loc = newLocal(s.f, "s", cd.arr.Type.(*ir.Array).Elem)
		private(cd.loc)
		pre = append(pre, &ir.Assign{Dst: cd.loc, Src: &ir.Load{Arr: cd.arr, Offset: ir.CloneExpr(cd.off)}, Pos: loop.Pos})
		if cd.write {
			post = append(post, &ir.Store{Arr: cd.arr, Offset: ir.CloneExpr(cd.off), Val: ir.Ref(cd.loc), Pos: loop.Pos})
		}
		names = append(names, fmt.Sprintf("%s[%s] in %s", cd.arr.Name, ir.ExprString(cd.off), cd.loc.Name))
	}
	find := func(arr *ir.Var, off ir.Expr) *ir.Var {
		for _, cd := range kept {
			if cd.matches(arr, off) {
				return cd.loc
			}
		}
		return nil
	}
	ir.Apply(loop.Body, func(cur *ir.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ir.Store:
			if v := find(n.Arr, n.Offset); v != nil {
				cur.Replace(&ir.Assign{Dst: v, Src: n.Val, Pos: n.Pos})
			}
		case *ir.Load:
			if v := find(n.Arr, n.Offset); v != nil {
				cur.Replace(ir.Ref(v))
				return false
			}
		}
		return true
	}, nil)
	pre = append(pre, s.hoist(loop, kept)...)
	// The loop's own Restrict list keeps only the arrays it still
	// accesses (C would print an unused restrict parameter).
	still := map[*ir.Var]bool{}
	accesses(loop.Body, func(arr *ir.Var, _ *ir.Expr) { still[arr] = true })
	var rest []*ir.Var
	for _, v := range loop.Restrict {
		if still[v] {
			rest = append(rest, v)
		}
	}
	loop.Restrict = rest

	op := ir.Lt
	if step.Value.(int64) < 0 {
		op = ir.Gt
	}
	then := append(append(pre, ir.Stmt(loop)), post...)
	s.c.remark(loop.Pos, "kept in a local across the loop over %s: %s", loop.Var.Name, strings.Join(names, ", "))
	return &ir.If{Cond: ir.Bin(op, ir.CloneExpr(loop.Start), ir.CloneExpr(loop.Stop)), Then: &ir.Block{Stmts: then}, Pos: loop.Pos}
}

// hoist moves the maximal invariant expressions of the loop body that
// read the local of a loaded-only element (var's mean, t5[h11] / t4) into
// locals assigned before the loop, and returns those assignments. licm,
// which runs earlier, hoists no loads; the expressions it would have
// hoisted but for the load are hoisted here, under the same rules
// (invariance.hoistable: nothing that can fault).
func (s *scalarizer) hoist(loop *ir.For, kept []candidate) []ir.Stmt {
	reads := map[*ir.Var]bool{}
	for _, cd := range kept {
		if !cd.write {
			reads[cd.loc] = true
		}
	}
	if len(reads) == 0 {
		return nil
	}
	assigned := ir.Defined(loop.Body)
	assigned[loop.Var] = true
	in := &invariance{assigned: assigned, defined: map[*ir.Var]bool{}}
	var pre []ir.Stmt
	locals := map[string]*ir.Var{}
	ir.Apply(loop.Body, func(cur *ir.Cursor) bool {
		e, ok := cur.Node().(ir.Expr)
		if !ok {
			return true
		}
		if _, ref := e.(*ir.VarRef); ref || !ir.ReadsAny(e, reads) || !in.hoistable(e) {
			return true
		}
		key := ir.ExprString(e)
		v := locals[key]
		if v == nil {
			v = newLocal(s.f, "h", e.Type())
			locals[key] = v
			pre = append(pre, &ir.Assign{Dst: v, Src: e, Pos: loop.Pos})
		}
		cur.Replace(ir.Ref(v))
		return false
	}, nil)
	return pre
}

// writeCandidates returns the arrays the loop body stores at a top-level
// statement, at an invariant offset that is the offset of every access
// of the array in the loop.
func writeCandidates(loop *ir.For) []candidate {
	defined := ir.Defined(loop.Body)
	defined[loop.Var] = true
	var cands []candidate
	seen := map[*ir.Var]bool{}
	for _, st := range loop.Body.Stmts {
		store, ok := st.(*ir.Store)
		if !ok || seen[store.Arr] {
			continue
		}
		seen[store.Arr] = true
		x := store.Arr
		if !invariantElem(x, store.Offset, defined) {
			continue
		}
		same := true
		accesses(loop.Body, func(arr *ir.Var, off *ir.Expr) {
			same = same && (arr != x || ir.SameExpr(*off, store.Offset))
		})
		if !same {
			continue // a loop over x's elements, not one element
		}
		cands = append(cands, candidate{arr: x, off: store.Offset, write: true})
	}
	return cands
}

// readCandidates returns the elements the loop body loads, at invariant
// offsets, from arrays it never stores, where a top-level Assign or Store
// of the body loads them unconditionally (not under && or ||): so the
// loop's first iteration loads them, and they are in range.
func readCandidates(loop *ir.For) []candidate {
	defined := ir.Defined(loop.Body)
	defined[loop.Var] = true
	stored := map[*ir.Var]bool{}
	ir.WalkStmts(loop.Body, func(st ir.Stmt) {
		if x, ok := st.(*ir.Store); ok {
			stored[x.Arr] = true
		}
	})
	var cands []candidate
	seen := map[string]bool{}
	var visit func(e ir.Expr)
	visit = func(e ir.Expr) {
		switch e := e.(type) {
		case *ir.Load:
			key := e.Arr.Name + "[" + ir.ExprString(e.Offset) + "]"
			if !stored[e.Arr] && !seen[key] && invariantElem(e.Arr, e.Offset, defined) {
				seen[key] = true
				cands = append(cands, candidate{arr: e.Arr, off: e.Offset})
			}
			visit(e.Offset)
		case *ir.Unary:
			visit(e.X)
		case *ir.Convert:
			visit(e.X)
		case *ir.Binary:
			if e.Op != ir.AndAnd && e.Op != ir.OrOr {
				visit(e.X)
				visit(e.Y)
			}
		case *ir.Intrinsic:
			for _, a := range e.Args {
				visit(a)
			}
		}
	}
	for _, st := range loop.Body.Stmts {
		switch st := st.(type) {
		case *ir.Assign:
			visit(st.Src)
		case *ir.Store:
			visit(st.Offset)
			visit(st.Val)
		}
	}
	return cands
}

// invariantElem reports whether x[off] is one element throughout a loop
// that assigns the variables of defined: x is an array the loop does not
// assign, and off reads none of them and no array element.
func invariantElem(x *ir.Var, off ir.Expr, defined map[*ir.Var]bool) bool {
	if _, ok := x.Type.(*ir.Array); !ok || defined[x] {
		return false
	}
	return !ir.ReadsAny(off, defined) && !ir.TouchesMemory(off)
}

// plainBody returns why b is not plain arithmetic that runs to its end
// once it starts and touches arrays only through Loads and Stores, or "".
func plainBody(b *ir.Block) string {
	why := ""
	ir.Inspect(b, func(n ir.Node) bool {
		if why != "" {
			return false
		}
		switch n := n.(type) {
		case *ir.Block, *ir.Store, *ir.If:
		case *ir.For:
			if n.Par != nil || n.Concurrent {
				why = "it holds a parallel loop"
			}
		case *ir.Assign:
			if !isScalarType(n.Dst.Type) {
				why = "it assigns array " + n.Dst.Name
			}
		case ir.Stmt:
			why = fmt.Sprintf("it holds a %s statement", strings.ToLower(strings.TrimPrefix(fmt.Sprintf("%T", n), "*ir.")))
		case *ir.Call:
			why = "it calls " + n.Fn.Name
		case *ir.Intrinsic:
			for _, a := range n.Args {
				if !isScalarType(a.Type()) {
					why = "it passes an array to " + n.Name
				}
			}
		}
		return why == ""
	})
	return why
}
