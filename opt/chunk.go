package opt

// The chunk pass writes out, as ordinary IR, how a loop the parallel pass
// approved (For.Par) runs in chunks, so that neither backend decides
// anything about chunks: each prints a concurrent loop (For.Concurrent)
// as "run these iterations at the same time" (a goroutine pool in Go, an
// OpenMP loop in C) and the rest as the sequential code it is. A loop
//
//	parallel for i = range(START, STOP, STEP) chunks(grain G; private t; reduce s:+) { BODY }
//
// becomes
//
//	par_start = START                          (unless START is a constant)
//	par_n = trip_count(par_start, STOP, STEP)
//	par_chunks = chunks(par_n, G)
//	concurrent for par_c = range(0, par_chunks, 1) local(i_c, t_c, s_c, par_lo, par_hi) {
//	  s_c = 0                                  (the identity of +)
//	  par_lo = (par_start + chunk_lo(par_n, par_chunks, par_c))
//	  par_hi = (par_start + chunk_hi(par_n, par_chunks, par_c))
//	  for i_c = range(par_lo, par_hi, 1) { BODY with i, t, s renamed }
//	  s_parts[par_c] = s_c
//	}
//	for par_f = range(0, par_chunks, 1) {
//	  s = (s + s_parts[par_f])                 (chunk order: the same bits
//	}                                           on every backend and thread count)
//
// where s_parts is a Buffer of MaxChunks slots. A STEP other than 1 runs
// the chunk's iterations k in [chunk_lo, chunk_hi) and sets
// i_c = par_start + k*STEP first, which never overflows (i_c stays within
// range(START, STOP)). The cut into chunks depends on the trip count and
// the grain only, so a reduction folds to the same bits with one thread
// or sixty-four, in Go or in C: that is the contract the fold order keeps.
//
// The pass is required, and last: the loop passes before it see the loop
// as one loop (parallel judges it, unroll splits the accumulators of
// loops inside it, restrict proves its arrays apart), and what the
// emitters print is exactly what comes out. With no For.Par in a function
// (at -O0, say) it does nothing.

import (
	"fmt"

	"github.com/pyc2go/pyc2go/ir"
)

const chunkDoc = "chunk writes each loop the parallel pass approved as a concurrent loop over its chunks, with chunk-local copies of its privates and partials folded in chunk order."

func chunk(f *ir.Func) {
	var todo []*ir.For
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		if l, ok := s.(*ir.For); ok && l.Par != nil {
			todo = append(todo, l)
		}
	})
	if len(todo) == 0 {
		return
	}
	c := &chunker{f: f, used: usedNames(f)}
	var originals []*ir.Var
	ir.Apply(f.Body, nil, func(cur *ir.Cursor) bool {
		l, ok := cur.Node().(*ir.For)
		if !ok || l.Par == nil {
			return true
		}
		stmts, own := c.loop(l)
		originals = append(originals, own...)
		cur.Replace(stmts[0])
		for i := len(stmts) - 1; i > 0; i-- {
			cur.InsertAfter(stmts[i])
		}
		return true
	})
	// The loop's variable and its privates now live only in the chunks'
	// copies (the parallel pass checked no private is read after the
	// loop, and the IR never reads a loop variable after its loop).
	mentioned := mentionedVars(f.Body)
	drop := map[*ir.Var]bool{}
	for _, v := range originals {
		if !mentioned[v] {
			drop[v] = true
		}
	}
	locals := f.Locals[:0]
	for _, v := range f.Locals {
		if !drop[v] {
			locals = append(locals, v)
		}
	}
	f.Locals = locals
}

type chunker struct {
	f    *ir.Func
	used map[string]bool
}

// name returns base, or base with the first number that makes it unused
// in the function.
func (c *chunker) name(base string) string {
	name := base
	for n := 2; c.used[name]; n++ {
		name = fmt.Sprintf("%s%d", base, n)
	}
	c.used[name] = true
	return name
}

// local adds a function local.
func (c *chunker) local(base string, t ir.Type) *ir.Var {
	v := &ir.Var{Name: c.name(base), Type: t}
	c.f.Locals = append(c.f.Locals, v)
	return v
}

// loop returns the statements that replace the parallel loop l, and the
// variables whose every mention in l they renamed.
func (c *chunker) loop(l *ir.For) ([]ir.Stmt, []*ir.Var) {
	par, pos := l.Par, l.Pos
	var out []ir.Stmt
	start := l.Start
	if _, isConst := start.(*ir.ConstExpr); !isConst {
		v := c.local("par_start", ir.Int64)
		out = append(out, &ir.Assign{Dst: v, Src: start, Pos: pos})
		start = ir.Ref(v)
	}
	n, nc := c.local("par_n", ir.Int64), c.local("par_chunks", ir.Int64)
	out = append(out,
		&ir.Assign{Dst: n, Src: &ir.Intrinsic{Name: "trip_count", Args: []ir.Expr{ir.CloneExpr(start), l.Stop, l.Step}, T: ir.Int64}, Pos: pos},
		&ir.Assign{Dst: nc, Src: &ir.Intrinsic{Name: "chunks", Args: []ir.Expr{ir.Ref(n), ir.Int(par.Grain)}, T: ir.Int64}})

	// The chunk's own copies: of the loop variable, the privates and the
	// reductions' partials.
	own := append([]*ir.Var{l.Var}, par.Private...)
	for _, r := range par.Reductions {
		own = append(own, r.Var)
	}
	copies := map[*ir.Var]*ir.Var{}
	var locals []*ir.Var
	for _, v := range own {
		if copies[v] != nil {
			continue
		}
		cv := &ir.Var{Name: c.name(v.Name + "_c"), Type: v.Type, Nullable: v.Nullable}
		copies[v] = cv
		locals = append(locals, cv)
	}
	body := l.Body
	ir.RenameVars(body, copies)

	cv := &ir.Var{Name: c.name("par_c"), Type: ir.Int64}
	lo := &ir.Var{Name: c.name("par_lo"), Type: ir.Int64}
	hi := &ir.Var{Name: c.name("par_hi"), Type: ir.Int64}
	locals = append(locals, lo, hi)
	bound := func(name string) ir.Expr {
		return &ir.Intrinsic{Name: name, Args: []ir.Expr{ir.Ref(n), ir.Ref(nc), ir.Ref(cv)}, T: ir.Int64}
	}
	var chunkStmts []ir.Stmt
	for _, r := range par.Reductions {
		id, err := r.Identity()
		if err != nil {
			// The verifier's ParLoop checks admit only reductions
			// with an identity.
			panic(fmt.Sprintf("chunk: %v", err))
		}
		chunkStmts = append(chunkStmts, &ir.Assign{Dst: copies[r.Var], Src: id})
	}
	iv := copies[l.Var]
	if isConstInt(l.Step, 1) {
		// start+hi <= stop: no overflow, and a plain counted loop for
		// the compilers' bounds-check elimination and vectorisers.
		at := func(b ir.Expr) ir.Expr {
			if isConstInt(start, 0) {
				return b
			}
			return ir.Bin(ir.Add, ir.CloneExpr(start), b)
		}
		chunkStmts = append(chunkStmts,
			&ir.Assign{Dst: lo, Src: at(bound("chunk_lo"))},
			&ir.Assign{Dst: hi, Src: at(bound("chunk_hi"))},
			&ir.For{Var: iv, Start: ir.Ref(lo), Stop: ir.Ref(hi), Step: ir.Int(1), Body: body, Pos: pos})
	} else {
		// start + k*step stays within range(start, stop) for k < n.
		k := &ir.Var{Name: c.name("par_k"), Type: ir.Int64}
		locals = append(locals, k)
		set := &ir.Assign{Dst: iv, Src: ir.Bin(ir.Add, ir.CloneExpr(start), ir.Bin(ir.Mul, ir.Ref(k), ir.CloneExpr(l.Step)))}
		body.Stmts = append([]ir.Stmt{set}, body.Stmts...)
		chunkStmts = append(chunkStmts,
			&ir.Assign{Dst: lo, Src: bound("chunk_lo")},
			&ir.Assign{Dst: hi, Src: bound("chunk_hi")},
			&ir.For{Var: k, Start: ir.Ref(lo), Stop: ir.Ref(hi), Step: ir.Int(1), Body: body, Pos: pos})
	}

	// Each chunk leaves its partials in its own slot; the function folds
	// them in chunk order once every chunk is done.
	var folds []ir.Stmt
	for _, r := range par.Reductions {
		t := r.Var.Type.(ir.Scalar)
		parts := c.local(r.Var.Name+"_parts", &ir.Buffer{Elem: t, Len: ir.MaxChunks})
		chunkStmts = append(chunkStmts, &ir.Store{Arr: parts, Offset: ir.Ref(cv), Val: ir.Ref(copies[r.Var])})
		fv := c.local("par_f", ir.Int64)
		part := &ir.Load{Arr: parts, Offset: ir.Ref(fv)}
		folds = append(folds, &ir.For{Var: fv, Start: ir.Int(0), Stop: ir.Ref(nc), Step: ir.Int(1),
			Body: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: r.Var, Src: fold(r, part)}}}})
	}
	out = append(out, &ir.For{
		Var: cv, Start: ir.Int(0), Stop: ir.Ref(nc), Step: ir.Int(1),
		Body: &ir.Block{Stmts: chunkStmts}, Pos: pos,
		Concurrent: true, Locals: locals, Restrict: l.Restrict,
	})
	return append(out, folds...), own
}

// fold is acc Op part, the step that folds a chunk's partial into the
// reduction's variable: "-" partials fold with "+" (see ir.Reduction).
func fold(r ir.Reduction, part ir.Expr) ir.Expr {
	acc := ir.Ref(r.Var)
	switch r.Op {
	case "min", "max":
		return &ir.Intrinsic{Name: r.Op, Args: []ir.Expr{acc, part}, T: r.Var.Type}
	}
	op, ok := foldOps[r.Op]
	if !ok {
		panic(fmt.Sprintf("chunk: reduction %s:%s", r.Var.Name, r.Op))
	}
	return ir.Bin(op, acc, part)
}

var foldOps = map[string]ir.BinOp{"+": ir.Add, "-": ir.Add, "*": ir.Mul, "&": ir.BitAnd, "|": ir.BitOr, "^": ir.BitXor}

// usedNames are the names of every variable f declares.
func usedNames(f *ir.Func) map[string]bool {
	used := map[string]bool{}
	for _, v := range f.Params {
		used[v.Name] = true
	}
	for _, v := range f.Locals {
		used[v.Name] = true
	}
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		if l, ok := s.(*ir.For); ok && l.Concurrent {
			used[l.Var.Name] = true
			for _, v := range l.Locals {
				used[v.Name] = true
			}
		}
	})
	return used
}

// mentionedVars are the variables b mentions anywhere.
func mentionedVars(b *ir.Block) map[*ir.Var]bool {
	m := map[*ir.Var]bool{}
	ir.VarSlots(b, func(p **ir.Var) { m[*p] = true })
	return m
}
