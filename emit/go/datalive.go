package emitgo

import "github.com/pyc2go/pyc2go/ir"

// Liveness of the Data copies (see dataLocals).
//
// Every statement that assigns an array variable v is followed by
// vData = v.Data, unless nothing reads vData before v is assigned again:
// a refresh nobody reads is dead code, which staticcheck reports (SA4006)
// and a reader has to think about. It happens where lowering assigns an
// array in one branch and indexes it only in the other, as the BLAS and
// inline branches of a matrix product do.
//
// deadRefreshes is a backward liveness analysis over the structured
// body. A read of vData is a Load or Store of v, or a Window of v sliced
// before a loop. An assignment of v kills vData's liveness (the refresh
// it is followed by defines it). Loops iterate to a fixed point; a Break
// or Continue makes every copy live (conservative: a refresh more, never
// one too few); Return and Raise leave none live.

// dataSet is a set of array variables whose Data copy may be read.
type dataSet map[*ir.Var]bool

func (s dataSet) clone() dataSet {
	out := make(dataSet, len(s))
	for v := range s {
		out[v] = true
	}
	return out
}

func (s dataSet) union(t dataSet) dataSet {
	out := s.clone()
	for v := range t {
		out[v] = true
	}
	return out
}

func (s dataSet) equal(t dataSet) bool {
	if len(s) != len(t) {
		return false
	}
	for v := range s {
		if !t[v] {
			return false
		}
	}
	return true
}

// deadRefreshes returns, for each statement that assigns arrays, those
// whose Data copy nothing reads before the next assignment.
func deadRefreshes(f *ir.Func) map[ir.Stmt]dataSet {
	a := &dataLiveness{dead: map[ir.Stmt]dataSet{}, all: dataSet{}}
	for _, vs := range [][]*ir.Var{f.Params, f.Locals} {
		for _, v := range vs {
			if _, ok := v.Type.(*ir.Array); ok {
				a.all[v] = true
			}
		}
	}
	a.block(f.Body, dataSet{})
	return a.dead
}

type dataLiveness struct {
	dead map[ir.Stmt]dataSet
	all  dataSet // every array variable: what a Break or Continue keeps live
}

// block returns what is live before b given what is live after it.
func (a *dataLiveness) block(b *ir.Block, out dataSet) dataSet {
	if b == nil {
		return out
	}
	live := out
	for i := len(b.Stmts) - 1; i >= 0; i-- {
		live = a.stmt(b.Stmts[i], live)
	}
	return live
}

func (a *dataLiveness) stmt(s ir.Stmt, out dataSet) dataSet {
	var live dataSet
	switch s := s.(type) {
	case *ir.If:
		live = a.block(s.Then, out).union(a.block(s.Else, out))
	case *ir.For:
		live = a.loop(s.Body, out)
		for _, w := range s.Windows {
			live[w.Arr] = true
		}
	case *ir.While:
		live = a.loop(s.Body, out)
	case *ir.Break, *ir.Continue:
		live = a.all.clone()
	case *ir.Return, *ir.Raise:
		live = dataSet{}
	default:
		live = out.clone()
		if vs := assignedArrays(s); len(vs) > 0 {
			d := dataSet{}
			for _, v := range vs {
				if !out[v] {
					d[v] = true
				}
				delete(live, v)
			}
			a.dead[s] = d
		}
	}
	// What the statement evaluates itself is read before it assigns.
	for _, e := range ir.StmtExprs(s) {
		ir.Inspect(e, func(n ir.Node) bool {
			if l, ok := n.(*ir.Load); ok {
				live[l.Arr] = true
			}
			return true
		})
	}
	if st, ok := s.(*ir.Store); ok {
		live[st.Arr] = true
	}
	return live
}

// loop returns what is live before a loop whose body is body: the body
// runs again after itself, so its entry is live at its end too. Each
// round can only grow the sets, so the iteration ends.
func (a *dataLiveness) loop(body *ir.Block, out dataSet) dataSet {
	in := out
	for {
		next := a.block(body, out.union(in)).union(out)
		if next.equal(in) {
			return next
		}
		in = next
	}
}
