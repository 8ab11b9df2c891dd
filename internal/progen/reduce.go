package progen

import "strings"

// Reduce shrinks p while it still fails as f does (same kind, backend and
// function): it drops functions, deletes statements (never one marked
// Keep) and replaces expressions by constants of their type, greedily,
// until no single step keeps the failure. It returns the smallest program
// found and the failure it shows.
func Reduce(p *Program, f Finding, cfg CheckConfig) (*Program, Finding) {
	cfg.Only = f.Backend
	fails := func(q *Program) (Finding, bool) {
		fs, err := checkSource(q.Source(), "k_reduce.py", cfg)
		if err != nil {
			return Finding{}, false
		}
		for _, g := range fs {
			if f.same(g) {
				return g, true
			}
		}
		return Finding{}, false
	}
	best := reduceWith(p, func(q *Program) bool {
		g, ok := fails(q)
		if ok {
			f = g
		}
		return ok
	})
	return best, f
}

// reduceWith shrinks p greedily while fails holds.
func reduceWith(p *Program, fails func(*Program) bool) *Program {
	best := p
	for changed := true; changed; {
		changed = false
		for _, cand := range candidates(best) {
			if fails(cand) {
				best, changed = cand, true
				break
			}
		}
	}
	return best
}

// candidates lists the programs one reduction step away from p, biggest
// steps first.
func candidates(p *Program) []*Program {
	var out []*Program
	// Drop a function no other one calls.
	for i, f := range p.Funcs {
		q := &Program{Seed: p.Seed}
		q.Funcs = append(append(q.Funcs, p.Funcs[:i]...), p.Funcs[i+1:]...)
		if len(q.Funcs) > 0 && !strings.Contains(q.Source(), f.Name+"(") {
			out = append(out, q)
		}
	}
	// Delete a statement, or replace a compound one by its first block.
	for fi, f := range p.Funcs {
		n := countStmts(f.Body)
		for k := 0; k < n; k++ {
			if body, ok := editStmt(f.Body, k, false); ok {
				out = append(out, withBody(p, fi, body))
			}
			if body, ok := editStmt(f.Body, k, true); ok {
				out = append(out, withBody(p, fi, body))
			}
		}
	}
	// Replace an expression by a constant.
	for fi, f := range p.Funcs {
		n := countExprs(f.Body)
		for k := 0; k < n; k++ {
			if body, ok := constExpr(f.Body, k); ok {
				out = append(out, withBody(p, fi, body))
			}
		}
	}
	return out
}

func withBody(p *Program, fi int, body []*Stmt) *Program {
	q := &Program{Seed: p.Seed, Funcs: append([]*Func{}, p.Funcs...)}
	f := *p.Funcs[fi]
	f.Body = body
	q.Funcs[fi] = &f
	return q
}

func countStmts(ss []*Stmt) int {
	n := 0
	for _, s := range ss {
		n++
		for _, b := range s.Blocks {
			n += countStmts(b.Stmts)
		}
	}
	return n
}

// editStmt copies ss with its k-th statement (pre-order) deleted or, with
// inline, replaced by the statements of its first block.
func editStmt(ss []*Stmt, k int, inline bool) ([]*Stmt, bool) {
	var out []*Stmt
	done := false
	var walk func(ss []*Stmt) []*Stmt
	walk = func(ss []*Stmt) []*Stmt {
		var res []*Stmt
		for _, s := range ss {
			if done {
				res = append(res, s)
				continue
			}
			if k == 0 {
				done = true
				switch {
				case s.Keep:
					return nil
				case inline && len(s.Blocks) > 0 && s.Fmt[:3] == "if ":
					res = append(res, s.Blocks[0].Stmts...)
				case inline:
					return nil
				}
				k--
				continue
			}
			k--
			c := *s
			c.Blocks = nil
			for _, b := range s.Blocks {
				c.Blocks = append(c.Blocks, &Block{Head: b.Head, Stmts: walk(b.Stmts)})
			}
			res = append(res, &c)
		}
		return res
	}
	out = walk(ss)
	if !done || out == nil && len(ss) > 0 && k >= 0 {
		return nil, false
	}
	return out, done && k < 0
}

func countExprs(ss []*Stmt) int {
	n := 0
	var ce func(e *Expr)
	ce = func(e *Expr) {
		n++
		for _, a := range e.Args {
			ce(a)
		}
	}
	for _, s := range ss {
		for _, e := range s.Exprs {
			ce(e)
		}
		for _, b := range s.Blocks {
			n += countExprs(b.Stmts)
		}
	}
	return n
}

// constExpr copies ss with its k-th expression (pre-order) replaced by a
// constant of its type; false if it already is one.
func constExpr(ss []*Stmt, k int) ([]*Stmt, bool) {
	ok := false
	var ce func(e *Expr) *Expr
	ce = func(e *Expr) *Expr {
		if k < 0 {
			return e
		}
		if k == 0 {
			k--
			c := zero(e.T)
			if c.Fmt == e.Fmt {
				return e
			}
			ok = true
			return c
		}
		k--
		c := *e
		c.Args = nil
		for _, a := range e.Args {
			c.Args = append(c.Args, ce(a))
		}
		return &c
	}
	var walk func(ss []*Stmt) []*Stmt
	walk = func(ss []*Stmt) []*Stmt {
		var res []*Stmt
		for _, s := range ss {
			c := *s
			c.Exprs = nil
			for _, e := range s.Exprs {
				c.Exprs = append(c.Exprs, ce(e))
			}
			c.Blocks = nil
			for _, b := range s.Blocks {
				c.Blocks = append(c.Blocks, &Block{Head: b.Head, Stmts: walk(b.Stmts)})
			}
			res = append(res, &c)
		}
		return res
	}
	out := walk(ss)
	return out, ok
}

// zero is the simplest constant of type t.
func zero(t Type) *Expr {
	switch t {
	case Int:
		return lit(Int, "1", 1)
	case Float:
		return lit(Float, "1.0", 0)
	case Bool:
		return lit(Bool, "True", 0)
	}
	return lit(t, t.String()+"(1)", 0)
}
