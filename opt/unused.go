package opt

import "github.com/pyc2go/pyc2go/ir"

const unusedDoc = "unused deletes assignments to variables nothing reads (when the value has no call in it) and the unread results of library calls, and drops locals nothing mentions any more."

// unused deletes what the program computes and never reads: a tuple
// element unpacked and ignored (`sign, logdet = np.linalg.slogdet(a)`), a
// temporary lowering computed for a shape check it then did not need.
// Go's vet does not mind, but staticcheck reports every such store
// (SA4006), and a reader of the generated code wonders what it is for.
//
// A variable is read wherever it is mentioned other than as the
// destination of an Assign, Alloc or View or as a CallStmt destination:
// in an expression, as a stored-into or viewed array, in a loop's
// annotations (conservatively). An Assign whose destination is not read
// goes when its value holds no Call (a user function may store into an
// array); an unread destination of a library call (ir.Lib: no effect but
// its results) becomes nil, which emitters print as a discarded result.
// Deleting one store can leave another unread, so the pass repeats until
// nothing changes. It removes only values no path reads, so it changes
// no result and no exception.
func unused(f *ir.Func) {
	for {
		read := readVars(f.Body)
		changed := false
		ir.Apply(f.Body, nil, func(c *ir.Cursor) bool {
			switch s := c.Node().(type) {
			case *ir.Assign:
				if !read[s.Dst] && !s.Dst.Param && !hasCall(s.Src) {
					c.Delete()
					changed = true
				}
			case *ir.Block:
				// x = a; x = b, where b does not read x: a is never read.
				for i := 0; i+1 < len(s.Stmts); i++ {
					first, ok1 := s.Stmts[i].(*ir.Assign)
					next, ok2 := s.Stmts[i+1].(*ir.Assign)
					if ok1 && ok2 && first.Dst == next.Dst && !hasCall(first.Src) &&
						!ir.ReadsAny(next.Src, map[*ir.Var]bool{first.Dst: true}) {
						s.Stmts = append(s.Stmts[:i], s.Stmts[i+1:]...)
						changed = true
						i--
					}
				}
			case *ir.CallStmt:
				if s.Call != nil && s.Call.Fn != nil && s.Call.Fn.Lib != nil {
					for i, d := range s.Dsts {
						if d != nil && !read[d] {
							s.Dsts[i] = nil
							changed = true
						}
					}
				}
			}
			return true
		})
		if !changed {
			break
		}
	}
	mentioned := map[*ir.Var]bool{}
	ir.VarSlots(f.Body, func(p **ir.Var) { mentioned[*p] = true })
	locals := f.Locals[:0]
	for _, v := range f.Locals {
		if mentioned[v] {
			locals = append(locals, v)
		}
	}
	clear(f.Locals[len(locals):])
	f.Locals = locals
}

// readVars returns the variables b reads (see unused).
func readVars(b *ir.Block) map[*ir.Var]bool {
	written := map[**ir.Var]bool{}
	ir.Inspect(b, func(n ir.Node) bool {
		switch s := n.(type) {
		case *ir.Assign:
			written[&s.Dst] = true
		case *ir.Alloc:
			written[&s.Dst] = true
		case *ir.View:
			written[&s.Dst] = true
		case *ir.CallStmt:
			for i := range s.Dsts {
				written[&s.Dsts[i]] = true
			}
		}
		return true
	})
	read := map[*ir.Var]bool{}
	ir.VarSlots(b, func(p **ir.Var) {
		if !written[p] && *p != nil {
			read[*p] = true
		}
	})
	return read
}

// hasCall reports whether e calls a function.
func hasCall(e ir.Expr) bool {
	found := false
	ir.Inspect(e, func(n ir.Node) bool {
		if _, ok := n.(*ir.Call); ok {
			found = true
		}
		return !found
	})
	return found
}
