package opt

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const restrictDoc = "restrict marks the loops whose arrays provably share no memory with the other arrays a loop writes or reads beside them (fresh allocations, or a !may_share test around the loop), so the C emitter can print restrict pointers."

// No-alias facts for C's restrict.
//
// A C compiler must assume that a store through one pointer may change
// what another reads, so gcc -O3 vectorises a loop writing z from x and y
// only behind a run-time overlap test, or not at all. For.Restrict tells
// it otherwise: for each listed x, an element the loop writes is never
// reached both through x and through another array variable of the loop.
// The pass lists x when, for every other array y the loop loads or
// stores, x and y are both only read (restrict constrains modified
// objects only), or one of two proofs, and nothing else, says x and y
// are disjoint:
//
//   - freshness: x and y are in different groups (freshGroups) and one of
//     the groups is fresh, i.e. only Allocs make its blocks and no
//     variable outside it can ever reach them;
//   - a test !may_share(x, y) on the path to the loop, the one the
//     loop-nest passes version nests on (see nest.go), when neither x nor
//     y is assigned anywhere in the branch it guards, so the test saw the
//     arrays the loop uses. may_share compares the element ranges, and
//     every Load and Store of an array touches one of its elements (lower
//     leaves only proven-in-range accesses unchecked), so the loop's
//     accesses of x and y are disjoint.
//
// Arrays of different element types get no exemption: the IR's model
// says they never share a buffer, but C lets a char-typed access (int8,
// uint8, bool) alias anything, and for the other types gcc's type-based
// alias analysis already knows, so the exemption would buy nothing.
//
// A loop whose body uses an array whole (a call argument, an intrinsic's
// operand such as np.sum(x)) is not marked at all: the callee or the
// runtime would reach the elements through a pointer the emitter cannot
// rename. An array copy in the body (u = t) reaches no element and only
// joins the two arrays' groups. An array the body assigns is not listed:
// the emitter reads the pointer once, before the loop. Cold loops and the
// loops inside them are left alone (ir.For.Cold); a marked loop may
// contain a cold one, whose accesses its proof covers, since it used only
// facts that hold around the marked loop. The pass marks the outermost
// loop where the fact holds; a loop inside a marked one lists only arrays
// the outer one could not (those the outer body assigns), so that the
// emitter needs one restrict pointer per array in any block.
//
// Marking pays only where the loop writes a listed array and accesses
// another array; other loops are left unmarked, and get a remark only
// when an unproven pair is the reason.
func restrict(f *ir.Func, c *passCtx) {
	r := &restrictor{c: c}
	r.group, r.fresh = freshGroups(f)
	r.block(f.Body, nil, nil)
}

type restrictor struct {
	c     *passCtx
	group map[*ir.Var]*ir.Var // see freshGroups
	fresh map[*ir.Var]bool    // fresh groups, by representative
}

// block walks b with the no-share facts that hold on entry and the arrays
// that enclosing marked loops already restrict.
func (r *restrictor) block(b *ir.Block, facts map[string]bool, outer map[*ir.Var]bool) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.If:
			r.block(s.Then, noShareFacts(facts, s), outer)
			r.block(s.Else, facts, outer)
		case *ir.While:
			r.block(s.Body, facts, outer)
		case *ir.For:
			if s.Cold {
				continue
			}
			r.block(s.Body, facts, r.loop(s, facts, outer))
		}
	}
}

// loop decides loop's Restrict list and returns the arrays restricted for
// its body: outer plus the ones it lists.
func (r *restrictor) loop(loop *ir.For, facts map[string]bool, outer map[*ir.Var]bool) map[*ir.Var]bool {
	var order []*ir.Var // accessed arrays, in order of first access
	accessed := map[*ir.Var]bool{}
	written := map[*ir.Var]bool{}
	note := func(a *ir.Var) {
		if !accessed[a] {
			accessed[a] = true
			order = append(order, a)
		}
	}
	whole := ""
	ir.WalkStmts(loop.Body, func(s ir.Stmt) {
		if st, ok := s.(*ir.Store); ok {
			note(st.Arr)
			written[st.Arr] = true
		}
		if a, ok := s.(*ir.Assign); ok {
			if _, copied := a.Src.(*ir.VarRef); copied {
				// An array copy touches no element; the arrays it
				// joins share a group (freshGroups), so no pair of them
				// is proven disjoint.
				return
			}
		}
		arrayOperands(s, func(e ir.Expr) {
			if ld, ok := e.(*ir.Load); ok {
				note(ld.Arr)
			}
		}, func(r *ir.VarRef, harmless bool) {
			// Only a message's operand (its shape) is harmless here: even
			// np.sum(x) reads x's elements through the runtime's pointer.
			if !harmless && whole == "" {
				whole = r.V.Name
			}
		}, false)
	})
	if len(written) == 0 || len(order) < 2 {
		return outer // nothing for restrict to tell the C compiler
	}
	if whole != "" {
		r.c.remark(loop.Pos, "no restrict for the loop over %s: array %s is used whole in its body", loop.Var.Name, whole)
		return outer
	}
	defined := ir.Defined(loop.Body)
	var list []*ir.Var
	var why []string
	said := map[string]bool{}
	for _, x := range order {
		if outer[x] || defined[x] {
			continue // restricted already, or a different array each iteration
		}
		if y := r.mayShareWith(x, order, written, facts); y != nil {
			if k := noShareKey(x, y); !said[k] {
				said[k] = true
				why = append(why, fmt.Sprintf("%s may share memory with %s", x.Name, y.Name))
			}
			continue
		}
		list = append(list, x)
	}
	pays := false
	for _, x := range list {
		pays = pays || written[x]
	}
	if !pays {
		// Every array the loop writes is declined (or restricted
		// outside); restrict on read-only arrays alone tells gcc little.
		if len(why) > 0 {
			r.c.remark(loop.Pos, "no restrict for the loop over %s: %s", loop.Var.Name, strings.Join(why, "; "))
		}
		return outer
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	loop.Restrict = list
	names := make([]string, len(list))
	for i, x := range list {
		names[i] = x.Name
	}
	msg := fmt.Sprintf("restrict for the loop over %s: %s", loop.Var.Name, strings.Join(names, ", "))
	if len(why) > 0 {
		msg += " (not: " + strings.Join(why, "; ") + ")"
	}
	r.c.remark(loop.Pos, "%s", msg)
	in := map[*ir.Var]bool{}
	for x := range outer {
		in[x] = true
	}
	for _, x := range list {
		in[x] = true
	}
	return in
}

// mayShareWith returns an array of the loop that x needs to be disjoint
// from and is not proven to be, or nil: every other accessed array when
// the loop writes x, every written one when it only reads x.
func (r *restrictor) mayShareWith(x *ir.Var, order []*ir.Var, written map[*ir.Var]bool, facts map[string]bool) *ir.Var {
	for _, y := range order {
		if y == x || !written[x] && !written[y] {
			continue
		}
		if facts[noShareKey(x, y)] {
			continue
		}
		if gx, gy := r.group[x], r.group[y]; gx != nil && gy != nil && gx != gy && (r.fresh[gx] || r.fresh[gy]) {
			continue
		}
		return y
	}
	return nil
}

// arrayOperands calls expr on every expression s evaluates itself
// (parents first) and use on every array variable it reads whole, saying
// whether the use is harmless: it cannot hand the array's block to
// another variable. That holds for a message's operands (Check and Raise
// print their shapes), and, when scalarIntrinsics, for the operands of
// intrinsics whose result is not an array (np.sum, may_share) and a
// Return's values (the function ends there).
func arrayOperands(s ir.Stmt, expr func(ir.Expr), use func(r *ir.VarRef, harmless bool), scalarIntrinsics bool) {
	var visit func(e ir.Expr, harmless bool)
	visit = func(e ir.Expr, harmless bool) {
		if e == nil {
			return
		}
		expr(e)
		switch e := e.(type) {
		case *ir.VarRef:
			if _, ok := e.V.Type.(*ir.Array); ok {
				use(e, harmless)
			}
		case *ir.Unary:
			visit(e.X, false)
		case *ir.Binary:
			visit(e.X, false)
			visit(e.Y, false)
		case *ir.Convert:
			visit(e.X, false)
		case *ir.Intrinsic:
			_, arr := e.T.(*ir.Array)
			for _, a := range e.Args {
				visit(a, scalarIntrinsics && !arr)
			}
		case *ir.Call:
			for _, a := range e.Args {
				visit(a, false)
			}
		case *ir.Load:
			visit(e.Offset, false)
		}
	}
	harmless := map[int]bool{}
	es := ir.StmtExprs(s)
	switch s.(type) {
	case *ir.Check:
		for i := 1; i < len(es); i++ {
			harmless[i] = true // Args follow Cond
		}
	case *ir.Raise:
		for i := range es {
			harmless[i] = true
		}
	case *ir.Return:
		for i := range es {
			harmless[i] = scalarIntrinsics
		}
	}
	for i, e := range es {
		visit(e, harmless[i])
	}
}

// freshGroups splits f's array variables into groups that may hold the
// same block: variables joined by copies (lower's out = t1 after
// t1 = alloc(n), or Python's u = t) share one group, every other array
// has its own. A group is fresh when no other variable can ever reach its
// blocks: its members are locals that only Allocs and copies among
// themselves define, and none of them is a View's source or destination,
// a call's argument or result, or an array-valued intrinsic's operand or
// result. Uses that cannot hand the block on are Loads, Stores, Dims,
// operands of intrinsics with scalar results (np.sum, may_share), a
// message's operand (its shape) and a Return's value (the function ends
// there). Two arrays in different groups, one of them fresh, never share
// memory: each Alloc is a new block, and nothing is freed before the
// function returns.
func freshGroups(f *ir.Func) (group map[*ir.Var]*ir.Var, fresh map[*ir.Var]bool) {
	parent := map[*ir.Var]*ir.Var{}
	var find func(v *ir.Var) *ir.Var
	find = func(v *ir.Var) *ir.Var {
		p, ok := parent[v]
		if !ok || p == v {
			return v
		}
		r := find(p)
		parent[v] = r
		return r
	}
	allocated := map[*ir.Var]bool{}
	bad := map[*ir.Var]bool{}
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		copySrc := ir.Expr(nil)
		switch s := s.(type) {
		case *ir.Alloc:
			allocated[s.Dst] = true
		case *ir.Assign:
			if _, isArr := s.Dst.Type.(*ir.Array); isArr {
				if r, ok := s.Src.(*ir.VarRef); ok {
					copySrc = r
					if a, b := find(s.Dst), find(r.V); a != b {
						parent[a] = b
					}
				} else {
					bad[s.Dst] = true // a call's or an intrinsic's array
				}
			}
		case *ir.CallStmt:
			for _, d := range s.Dsts {
				bad[d] = true
			}
		case *ir.View:
			bad[s.Dst], bad[s.Src] = true, true
		}
		arrayOperands(s, func(ir.Expr) {}, func(r *ir.VarRef, harmless bool) {
			if !harmless && ir.Expr(r) != copySrc {
				bad[r.V] = true
			}
		}, true)
	})
	for _, p := range f.Params {
		bad[p] = true
	}
	group = map[*ir.Var]*ir.Var{}
	fresh = map[*ir.Var]bool{}
	for v := range allocated {
		fresh[find(v)] = true
	}
	vars := append(append([]*ir.Var(nil), f.Params...), f.Locals...)
	for _, v := range vars {
		if _, isArr := v.Type.(*ir.Array); isArr {
			group[v] = find(v)
		}
	}
	for _, v := range vars {
		if bad[v] {
			delete(fresh, find(v))
		}
	}
	return group, fresh
}
