package opt

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

const releaseDoc = "release marks the temporary arrays that die before the function returns (those a loop allocates afresh every iteration, and those of straight-line code after their last use), so that the C backend frees them there instead of at return."

// Temporaries of a loop body, given back every iteration.
//
// The C backend allocates every array into the function's pool and
// frees the pool when the function returns (emit/c/doc.go). A loop whose
// body makes a temporary (row_diff_sums: np.sum(a - a[row, :], 0) for
// each row) then holds every iteration's block at once: 300 iterations
// of a 300x300 temporary are 216 MB of fresh memory per call, each page
// a fault. For.Release lets the emitter free such a block at the end of
// its iteration. The pass lists an array variable v of the loop when:
//
//   - v is a local whose only definition in the function is one
//     statement of the loop's own body (not inside a branch or an inner
//     loop): an Alloc, or an Assign from an intrinsic whose result is a
//     new block (freshResult). So every iteration that reaches the end
//     of the body assigned v a block of its own;
//   - no statement of the body before that definition mentions v, and
//     nothing outside the loop body does: v is dead at the end of every
//     iteration (its block is never read by a later iteration, nor after
//     the loop);
//   - v's block reaches no other variable: freshGroups puts v alone in a
//     fresh group (no copy u = v, no view of it, no call or array-valued
//     intrinsic but freshResult's takes it). A Return of v inside the
//     body ends the function before the iteration ends, where the block
//     is handed to the caller as before.
//
// Straight-line code gets the same treatment without a loop: freeTemps
// puts an ir.Free after the last statement that mentions a temporary.
//
// An iteration left by continue, break, a raise or a return does not
// reach the end of its body, and its temporaries stay in the pool until
// the function returns, as before: freeing less is always correct.
// Cold loops are left alone (ir.For.Cold).
func release(f *ir.Func, c *passCtx) {
	group, fresh := freshGroups(f)
	members := map[*ir.Var]int{}
	for _, g := range group {
		members[g]++
	}
	local := map[*ir.Var]bool{}
	for _, v := range f.Locals {
		local[v] = true
	}
	total := mentions(f.Body)
	var walk func(b *ir.Block, outer map[*ir.For]bool)
	walk = func(b *ir.Block, outer map[*ir.For]bool) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.If:
				walk(s.Then, outer)
				walk(s.Else, outer)
			case *ir.While:
				walk(s.Body, outer)
			case *ir.For:
				if s.Cold {
					continue
				}
				in := map[*ir.For]bool{s: true}
				for l := range outer {
					in[l] = true
				}
				walk(s.Body, in)
				elsewhere := func(v *ir.Var) int { return ownUses(f.Body, v, in) }
				releaseLoop(c, s, total, mentions(s.Body), elsewhere, func(v *ir.Var) string {
					switch {
					case !local[v] || v.Nullable:
						return "it is not a local array"
					case !fresh[group[v]] || members[group[v]] != 1:
						return "its block may reach another variable"
					}
					return ""
				})
			}
		}
	}
	walk(f.Body, nil)
	freeTemps(c, f, func(v *ir.Var) bool { return local[v] && !v.Nullable && fresh[group[v]] && members[group[v]] == 1 })
}

// freeTemps frees the temporaries of f's straight-line code after their
// last use: a statement of the function's body that gives a local v a
// fresh block, v's only definition in the function, is followed by a
// Free of v after the last statement of the body that mentions it,
// unless that statement is v's Return (the caller gets the block). The
// C backend then releases the block there rather than at return: numpy
// drops a * a's temporary before it allocates the next result, and
// keeping both doubled l2_normalize_rows' peak, which made glibc grow
// and trim its heap, and every page fault again, on every call.
func freeTemps(c *passCtx, f *ir.Func, alone func(*ir.Var) bool) {
	defs := defCounts(f.Body)
	stmts := f.Body.Stmts
	uses := make([]map[*ir.Var]int, len(stmts))
	for i, s := range stmts {
		uses[i] = mentions(&ir.Block{Stmts: []ir.Stmt{s}})
	}
	after := map[int][]*ir.Var{}
	var names []string
	for d, s := range stmts {
		v := freshDef(s)
		if v == nil || defs[v] != 1 || !alone(v) {
			continue
		}
		last := d
		for j := d + 1; j < len(stmts); j++ {
			if uses[j][v] > 0 {
				last = j
			}
		}
		if _, ret := stmts[last].(*ir.Return); ret {
			continue
		}
		after[last] = append(after[last], v)
		names = append(names, v.Name)
	}
	if len(names) == 0 {
		return
	}
	var out []ir.Stmt
	for i, s := range stmts {
		out = append(out, s)
		for _, v := range after[i] {
			out = append(out, &ir.Free{Arr: v, Pos: s.StmtPos()})
		}
	}
	f.Body.Stmts = out
	c.remark(f.Pos, "freed after their last use: %s", strings.Join(names, ", "))
}

// ownUses counts the mentions of v inside the loops of b, other than the
// loops of skip (a loop and the loops around it), that give v a fresh
// block at the top of their own body before any use of it: those read
// their own blocks, never another loop's, so they do not keep a block of
// the skipped loop alive. The cold copy of a versioned nest is such a
// loop for the temporaries of its fast copy.
func ownUses(b *ir.Block, v *ir.Var, skip map[*ir.For]bool) int {
	n := 0
	ir.Inspect(b, func(node ir.Node) bool {
		l, ok := node.(*ir.For)
		if !ok || skip[l] {
			return true
		}
		for _, s := range l.Body.Stmts {
			if freshDef(s) == v {
				n += mentions(l.Body)[v]
				return false
			}
			if mentions(&ir.Block{Stmts: []ir.Stmt{s}})[v] > 0 {
				break
			}
		}
		return true
	})
	return n
}

// releaseLoop sets loop.Release; total and inside count the mentions of
// each variable in the function and in the loop body, elsewhere those in
// other loops that cannot read the loop's blocks (ownUses), and alone
// says why a variable's block may outlive it ("" when it cannot).
func releaseLoop(c *passCtx, loop *ir.For, total, inside map[*ir.Var]int, elsewhere func(*ir.Var) int, alone func(*ir.Var) string) {
	defs := defCounts(loop.Body)
	var list []*ir.Var
	var why []string
	before := map[*ir.Var]bool{} // mentioned by a statement before the current one
	for _, s := range loop.Body.Stmts {
		v := freshDef(s)
		if v != nil {
			reason := ""
			switch {
			case before[v]:
				reason = "the loop reads it before assigning it"
			case defs[v] != 1:
				reason = "it is assigned more than once in the loop"
			case total[v] != inside[v]+elsewhere(v):
				reason = "it is used outside the loop"
			default:
				reason = alone(v)
			}
			if reason == "" {
				list = append(list, v)
			} else {
				why = append(why, fmt.Sprintf("not %s: %s", v.Name, reason))
			}
		}
		for v := range mentions(&ir.Block{Stmts: []ir.Stmt{s}}) {
			before[v] = true
		}
	}
	if len(list) == 0 {
		if len(why) > 0 {
			c.remark(loop.Pos, "no release in the loop over %s: %s", loop.Var.Name, strings.Join(why, "; "))
		}
		return
	}
	loop.Release = list
	names := make([]string, len(list))
	for i, v := range list {
		names[i] = v.Name
	}
	msg := fmt.Sprintf("released at the end of each iteration of the loop over %s: %s", loop.Var.Name, strings.Join(names, ", "))
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	c.remark(loop.Pos, "%s", msg)
}

// freshDef returns the array s assigns a new block, or nil.
func freshDef(s ir.Stmt) *ir.Var {
	switch s := s.(type) {
	case *ir.Alloc:
		return s.Dst
	case *ir.Assign:
		if x, ok := s.Src.(*ir.Intrinsic); ok && freshResult[x.Name] {
			return s.Dst
		}
	}
	return nil
}

// mentions counts the places each variable is mentioned in b by its
// statements and expressions; loop annotations (windows, restrict and
// release lists, parallel privates) are not uses and are not counted.
func mentions(b *ir.Block) map[*ir.Var]int {
	n := map[*ir.Var]int{}
	ir.VarSlots(b, func(p **ir.Var) { n[*p]++ })
	ir.WalkStmts(b, func(s ir.Stmt) {
		l, ok := s.(*ir.For)
		if !ok {
			return
		}
		for _, vs := range [][]*ir.Var{l.Restrict, l.Release, l.Locals} {
			for _, v := range vs {
				n[v]--
			}
		}
		for _, w := range l.Windows {
			n[w.Arr]--
			n[w.Base]--
		}
		if l.Par != nil {
			for _, v := range l.Par.Private {
				n[v]--
			}
			for _, r := range l.Par.Reductions {
				n[r.Var]--
			}
		}
	})
	return n
}

// defCounts counts the statements of b (nested ones included) that
// give each array variable a block: Allocs, Views, assignments and call
// results. (A Random statement with an array destination fills the block
// it already has, ir.Assigned.)
func defCounts(b *ir.Block) map[*ir.Var]int {
	defs := map[*ir.Var]int{}
	ir.WalkStmts(b, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Alloc:
			defs[s.Dst]++
		case *ir.View:
			defs[s.Dst]++
		case *ir.Assign:
			defs[s.Dst]++
		case *ir.CallStmt:
			for _, d := range s.Dsts {
				defs[d]++
			}
		}
	})
	return defs
}
