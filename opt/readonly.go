package opt

import "github.com/pyc2go/pyc2go/ir"

const readOnlyDoc = "readonly marks the array parameters a function never writes, through any view, copy or callee, so the C signature makes them const and the Python module accepts read-only arrays there."

// Which array parameters are read-only.
//
// A parameter is written when the function stores into it, into a view
// or copy of its descriptor (View, an array Assign, a call's result,
// which may be a view of any array argument), or passes one of those to
// a function that writes that parameter. The analysis is
// flow-insensitive and a fixed point over the whole module (calls make
// functions depend on each other), so it runs once, as a module pass,
// after every pass that may add or remove a store: what it proves holds
// for the code the emitters print. Everything it does not prove stays
// writable, which is always correct.
func readOnly(m *ir.Module) {
	mut := mutableParams(m)
	for _, f := range m.Funcs {
		for i, p := range f.Params {
			_, isArr := p.Type.(*ir.Array)
			p.ReadOnly = isArr && !mut[f][i]
		}
	}
}

// mutableParams finds, for every function, the array parameters whose
// elements it may write: stored into directly or through a view or copy
// of the descriptor, or passed to a function that writes them. It is a
// flow-insensitive fixed point over the module.
func mutableParams(m *ir.Module) map[*ir.Func][]bool {
	mut := map[*ir.Func][]bool{}
	for _, f := range m.Funcs {
		mut[f] = make([]bool, len(f.Params))
	}
	for changed := true; changed; {
		changed = false
		for _, f := range m.Funcs {
			alias := aliases(f, mut)
			mark := func(v *ir.Var) {
				for i, p := range f.Params {
					if alias[v][p] && !mut[f][i] {
						mut[f][i] = true
						changed = true
					}
				}
			}
			ir.WalkStmts(f.Body, func(s ir.Stmt) {
				if st, ok := s.(*ir.Store); ok {
					mark(st.Arr)
				}
			})
			forEachCall(f, func(c *ir.Call, _ []*ir.Var) {
				for i, a := range c.Args {
					if r, ok := a.(*ir.VarRef); ok && i < len(mut[c.Fn]) && mut[c.Fn][i] {
						mark(r.V)
					}
				}
			})
		}
	}
	return mut
}

// aliases maps each array variable of f to the parameters whose memory
// it may share.
func aliases(f *ir.Func, mut map[*ir.Func][]bool) map[*ir.Var]map[*ir.Var]bool {
	al := map[*ir.Var]map[*ir.Var]bool{}
	add := func(dst, src *ir.Var) bool {
		if al[dst] == nil {
			al[dst] = map[*ir.Var]bool{}
		}
		ch := false
		for p := range al[src] {
			if !al[dst][p] {
				al[dst][p] = true
				ch = true
			}
		}
		return ch
	}
	for _, p := range f.Params {
		if _, ok := p.Type.(*ir.Array); ok {
			al[p] = map[*ir.Var]bool{p: true}
		}
	}
	for changed := true; changed; {
		changed = false
		ir.WalkStmts(f.Body, func(s ir.Stmt) {
			switch s := s.(type) {
			case *ir.View:
				changed = add(s.Dst, s.Src) || changed
			case *ir.Assign:
				switch src := s.Src.(type) {
				case *ir.VarRef:
					changed = add(s.Dst, src.V) || changed
				case *ir.Call:
					// As for a CallStmt's results below.
					for _, a := range src.Args {
						if r, ok := a.(*ir.VarRef); ok {
							changed = add(s.Dst, r.V) || changed
						}
					}
				}
			}
		})
		forEachCall(f, func(c *ir.Call, dsts []*ir.Var) {
			// A result may be a view of any array argument.
			for _, d := range dsts {
				for _, a := range c.Args {
					if r, ok := a.(*ir.VarRef); ok && d != nil {
						changed = add(d, r.V) || changed
					}
				}
			}
		})
	}
	return al
}

// forEachCall visits every call of f with the variables its results go to
// (none for calls inside expressions).
func forEachCall(f *ir.Func, fn func(*ir.Call, []*ir.Var)) {
	var stmtCall *ir.Call // the call of the CallStmt being visited
	ir.Inspect(f.Body, func(n ir.Node) bool {
		switch n := n.(type) {
		case *ir.CallStmt:
			if n.Call != nil {
				fn(n.Call, n.Dsts)
				stmtCall = n.Call
			}
		case *ir.Call:
			if n != stmtCall {
				fn(n, nil)
			}
		}
		return true
	})
}
