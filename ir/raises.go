package ir

// FixRaises sets every Func.Raises of m to the least fixed point of "has a
// Check or Raise of its own, or calls a function that raises". keep, by
// position in m.Funcs (nil keeps none), marks functions that count as
// raising whatever their body: under --wraparound=off the optimiser keeps
// the signatures of the default compilation that way (opt.Config.Reference).
//
// lower runs it between its two rounds of lowering (whether a call is an
// expression or a CallStmt depends on whether the callee raises); the
// raises pass runs it once the required passes have deleted the checks
// they prove.
func FixRaises(m *Module, keep []bool) {
	own := map[*Func]bool{}
	callees := map[*Func][]*Func{}
	for i, f := range m.Funcs {
		own[f], callees[f] = scanRaises(f)
		if i < len(keep) && keep[i] {
			own[f] = true
		}
		f.Raises = false
	}
	for changed := true; changed; {
		changed = false
		for _, f := range m.Funcs {
			if f.Raises {
				continue
			}
			r := own[f]
			for _, g := range callees[f] {
				r = r || g.Raises
			}
			if r {
				f.Raises, changed = true, true
			}
		}
	}
}

// scanRaises reports whether f contains a Check or Raise of its own, and
// the functions it calls.
func scanRaises(f *Func) (bool, []*Func) {
	own := false
	var callees []*Func
	seen := map[*Func]bool{}
	addCall := func(c *Call) {
		if c != nil && c.Fn != nil && !seen[c.Fn] {
			seen[c.Fn] = true
			callees = append(callees, c.Fn)
		}
	}
	Inspect(f.Body, func(n Node) bool {
		switch n := n.(type) {
		case *Check, *Raise:
			own = true
		case *Random:
			if op := LookupRandomOp(n.Op); op == nil || op.Raises {
				own = true
			}
		case *Call:
			addCall(n)
		}
		return true
	})
	return own, callees
}
