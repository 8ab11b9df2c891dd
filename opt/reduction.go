package opt

// Loop-body analyses shared by the parallel and unroll passes: which
// variables a loop body updates only as reductions (s = s + e), and which
// it uses as per-iteration temporaries (assigned before every read in an
// iteration). Both passes reorder the iterations' effects on such
// variables and nothing else, so both need the same two facts.

import (
	"sort"

	"github.com/pyc2go/pyc2go/ir"
)

// reduceOp returns the reduction operator of an update a = a op e (or
// a = min(a, e), a = max(a, e)) and e, or "" when a is not one. e must not
// read a. Only operators for which combining partial results is exact on
// wrap-around integers qualify; "-" only with the accumulator on the left.
func reduceOp(a *ir.Assign) (string, ir.Expr) {
	self := func(e ir.Expr) bool {
		r, ok := e.(*ir.VarRef)
		return ok && r.V == a.Dst
	}
	var op string
	var x, y ir.Expr
	commutative := true
	switch e := a.Src.(type) {
	case *ir.Binary:
		op = binOpNames[e.Op]
		x, y = e.X, e.Y
		commutative = e.Op != ir.Sub
	case *ir.Intrinsic:
		if (e.Name != "min" && e.Name != "max") || len(e.Args) != 2 {
			return "", nil
		}
		op, x, y = e.Name, e.Args[0], e.Args[1]
	}
	if op == "" {
		return "", nil
	}
	var rest ir.Expr
	switch {
	case self(x):
		rest = y
	case self(y) && commutative:
		rest = x
	default:
		return "", nil
	}
	if ir.ReadsAny(rest, map[*ir.Var]bool{a.Dst: true}) {
		return "", nil
	}
	return op, rest
}

var binOpNames = map[ir.BinOp]string{ir.Add: "+", ir.Sub: "-", ir.Mul: "*", ir.BitAnd: "&", ir.BitOr: "|", ir.BitXor: "^"}

// reductionKind says whether op on values of type t reassociates exactly:
// every operator on integers does (int64 arithmetic wraps, so it is a
// commutative ring and & | ^ min max are lattices or groups); on floats
// only + - * are accepted at all, and only as inexact (fastmath) ones.
func reductionKind(t ir.Type, op string) (ok, exact bool) {
	s, isScalar := t.(ir.Scalar)
	switch {
	case !isScalar:
		return false, false
	case s.IsInt():
		return true, true
	case s.IsFloat() && (op == "+" || op == "-" || op == "*"):
		return true, false
	}
	return false, false
}

// reductions finds the variables body updates only by reduction
// statements of one operator and reads nowhere else. It returns each with
// its operator; the caller decides which types it accepts.
func reductions(body *ir.Block) map[*ir.Var]string {
	ops := map[*ir.Var]string{}
	bad := map[*ir.Var]bool{}
	updates := map[*ir.Var]int{}
	ir.WalkStmts(body, func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Assign:
			op, _ := reduceOp(s)
			switch {
			case op == "":
				bad[s.Dst] = true
			case ops[s.Dst] != "" && ops[s.Dst] != op:
				bad[s.Dst] = true
			default:
				ops[s.Dst] = op
				updates[s.Dst]++
			}
		case *ir.CallStmt:
			for _, d := range s.Dsts {
				if d != nil {
					bad[d] = true
				}
			}
		}
	})
	// Each update reads its variable once; any other read sees a partial
	// value.
	reads := map[*ir.Var]int{}
	forEachRead(body, func(v *ir.Var) { reads[v]++ })
	out := map[*ir.Var]string{}
	for v, op := range ops {
		if !bad[v] && reads[v] == updates[v] {
			out[v] = op
		}
	}
	return out
}

// forEachRead calls fn for every variable read in b, nested blocks
// included: by a VarRef, a Dim or Load of an array, the array of a Store
// or the source of a View.
func forEachRead(b *ir.Block, fn func(*ir.Var)) {
	ir.WalkStmts(b, func(s ir.Stmt) { stmtReads(s, fn) })
}

// stmtReads calls fn for every variable s itself reads (not its nested
// blocks).
func stmtReads(s ir.Stmt, fn func(*ir.Var)) {
	ir.Inspect(s, func(n ir.Node) bool {
		switch x := n.(type) {
		case *ir.Block:
			return false
		case *ir.VarRef:
			fn(x.V)
		case *ir.Dim:
			fn(x.Arr)
		case *ir.Load:
			fn(x.Arr)
		case *ir.Store:
			fn(x.Arr)
		case *ir.View:
			fn(x.Src)
		}
		return true
	})
}

// carried returns the variables of cands that some iteration of body may
// read before it assigns them, so that the read sees the previous
// iteration's value (or the value from before the loop). A variable
// assigned on only one branch of an if, or only inside a nested loop
// (which may run zero times), is not assigned after it: the answer errs on
// the side of "carried".
func carried(body *ir.Block, cands map[*ir.Var]bool) map[*ir.Var]bool {
	out := map[*ir.Var]bool{}
	var walk func(b *ir.Block, def map[*ir.Var]bool) map[*ir.Var]bool
	walk = func(b *ir.Block, def map[*ir.Var]bool) map[*ir.Var]bool {
		if b == nil {
			return def
		}
		for _, s := range b.Stmts {
			stmtReads(s, func(v *ir.Var) {
				if cands[v] && !def[v] {
					out[v] = true
				}
			})
			switch s := s.(type) {
			case *ir.Assign:
				def[s.Dst] = true
			case *ir.CallStmt:
				for _, d := range s.Dsts {
					if d != nil {
						def[d] = true
					}
				}
			case *ir.Alloc:
				def[s.Dst] = true
			case *ir.View:
				def[s.Dst] = true
			case *ir.If:
				t := walk(s.Then, copySet(def))
				e := walk(s.Else, copySet(def))
				for v := range t {
					if e[v] {
						def[v] = true
					}
				}
			case *ir.For:
				inner := copySet(def)
				inner[s.Var] = true
				walk(s.Body, inner)
			case *ir.While:
				walk(s.Body, copySet(def))
			}
		}
		return def
	}
	walk(body, map[*ir.Var]bool{})
	return out
}

func copySet(m map[*ir.Var]bool) map[*ir.Var]bool {
	c := make(map[*ir.Var]bool, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// readOutside returns the variables f reads anywhere but in loop's body
// (loop's bounds count as outside: they are evaluated before it) and
// cold loops (ir.For.Cold): a cold loop is the fallback twin of a
// versioned nest, run instead of its fast copy, never after it, and its
// reads are the fast copy's, so counting them would make every
// temporary of a versioned loop look live.
func readOutside(f *ir.Func, loop *ir.For) map[*ir.Var]bool {
	out := map[*ir.Var]bool{}
	var walk func(b *ir.Block)
	walk = func(b *ir.Block) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			stmtReads(s, func(v *ir.Var) { out[v] = true })
			switch s := s.(type) {
			case *ir.If:
				walk(s.Then)
				walk(s.Else)
			case *ir.For:
				if s != loop && !s.Cold {
					walk(s.Body)
				}
			case *ir.While:
				walk(s.Body)
			}
		}
	}
	walk(f.Body)
	return out
}

// exits reports whether b (a loop body) may leave the loop other than by
// finishing an iteration: a Return anywhere, or a Break of this loop (a
// Break inside a nested loop leaves only that loop). It returns the
// statement for the remark.
func exits(b *ir.Block, depth int) ir.Stmt {
	if b == nil {
		return nil
	}
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.Return:
			return s
		case *ir.Break:
			if depth == 0 {
				return s
			}
		case *ir.If:
			if x := exits(s.Then, depth); x != nil {
				return x
			}
			if x := exits(s.Else, depth); x != nil {
				return x
			}
		case *ir.For:
			if x := exits(s.Body, depth+1); x != nil {
				return x
			}
		case *ir.While:
			if x := exits(s.Body, depth+1); x != nil {
				return x
			}
		}
	}
	return nil
}

// sortedVars orders a set of variables by name, for deterministic IR and
// remarks.
func sortedVars(m map[*ir.Var]bool) []*ir.Var {
	vs := make([]*ir.Var, 0, len(m))
	for v, ok := range m {
		if ok {
			vs = append(vs, v)
		}
	}
	sortVarsByName(vs)
	return vs
}

func sortVarsByName(vs []*ir.Var) {
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
}
