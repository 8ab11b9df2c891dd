package opt

import (
	"strconv"

	"github.com/pyc2go/pyc2go/ir"
)

// Helpers shared by the loop passes (licm, contig, stride, window): which
// variables a loop writes, which expressions may be evaluated anywhere, the
// affine form of a flat offset, and fresh locals.

// noFaultIntrinsics are the intrinsics that cannot panic in any emitter
// whatever their operands (no integer division, no loop bounded by an
// operand, no memory access). Only these may be evaluated where the
// original program would not have evaluated them: before a loop that runs
// zero times, or before a Check that would have raised first.
var noFaultIntrinsics = map[string]bool{
	"abs": true, "cabs": true, "min": true, "max": true, "sqrt": true,
	"exp": true, "expm1": true, "exp2": true, "log": true, "logb": true, "log1p": true,
	"log2": true, "log10": true, "sin": true, "cos": true, "tan": true, "asin": true,
	"acos": true, "atan": true, "atan2": true, "sinh": true, "cosh": true, "tanh": true,
	"asinh": true, "acosh": true, "atanh": true, "erf": true, "erfc": true,
	"gamma": true, "lgamma": true, "cbrt": true, "hypot": true, "fmod": true,
	"copysign": true, "floor": true, "ceil": true, "trunc": true, "roundeven": true,
	"isnan": true, "isinf": true, "isfinite": true, "ftoi_ok": true, "degrees": true,
	"radians": true, "real": true, "imag": true, "conj": true, "complex": true,
	"domain_err": true, "range_err": true, "blas_add": true, "cprod_mul": true,
}

// invariance decides whether an expression has the same value on every
// iteration of one loop and may be computed once before it.
type invariance struct {
	// assigned holds the variables the loop writes (its induction variable
	// included).
	assigned map[*ir.Var]bool
	// defined holds the array variables certainly bound to an array before
	// the loop: parameters and arrays made earlier on every path. Reading
	// the layout (Dim) of any other array might dereference nil in Go when
	// the loop would not have run.
	defined map[*ir.Var]bool
}

// hoistable reports whether e is invariant in the loop and can be
// evaluated before it even where the loop would not have evaluated it: no
// variable it reads is written in the loop, and it reads no array element,
// calls no function and cannot fault.
func (in *invariance) hoistable(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.ConstExpr:
		return true
	case *ir.VarRef:
		return !in.assigned[e.V]
	case *ir.Dim:
		return !in.assigned[e.Arr] && in.defined[e.Arr]
	case *ir.Unary:
		return in.hoistable(e.X)
	case *ir.Convert:
		return in.hoistable(e.X)
	case *ir.Binary:
		switch e.Op {
		case ir.Shl, ir.Shr:
			return false // Go panics on a negative count, which a Check in the loop may rule out
		case ir.Div:
			if t, ok := e.X.Type().(ir.Scalar); !ok || !(t.IsFloat() || t.IsComplex()) {
				return false
			}
		}
		return in.hoistable(e.X) && in.hoistable(e.Y)
	case *ir.Intrinsic:
		if !noFaultIntrinsics[e.Name] {
			return false
		}
		for _, a := range e.Args {
			if _, ok := a.Type().(ir.Scalar); !ok || !in.hoistable(a) {
				return false
			}
		}
		return true
	}
	// Load reads memory the loop may write; Call may do anything.
	return false
}

// trivial reports whether e costs nothing to evaluate again, so hoisting it
// would only add a variable.
func trivial(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.ConstExpr, *ir.VarRef:
		return true
	case *ir.Unary:
		_, ok := e.X.(*ir.ConstExpr)
		return ok
	case *ir.Convert:
		_, ok := e.X.(*ir.ConstExpr)
		return ok
	}
	return false
}

// affine is a flat offset written as Base + Var*Step, the shape lower gives
// every element access: Base and Step are invariant in the loop of Var.
// Base is nil for 0.
type affine struct {
	Base, Step ir.Expr
}

// decompose matches o against base + i*s, base + s*i, i*s + base,
// base + i, i + base, i*s and i, where i is the induction variable iv and
// base and s are hoistable in the loop.
func decompose(o ir.Expr, iv *ir.Var, in *invariance) (affine, bool) {
	term := func(e ir.Expr) (ir.Expr, bool) {
		if isRef(e, iv) {
			return ir.Int(1), true
		}
		if b, ok := e.(*ir.Binary); ok && b.Op == ir.Mul {
			if isRef(b.X, iv) && in.hoistable(b.Y) {
				return b.Y, true
			}
			if isRef(b.Y, iv) && in.hoistable(b.X) {
				return b.X, true
			}
		}
		return nil, false
	}
	if s, ok := term(o); ok {
		return affine{Step: s}, true
	}
	if b, ok := o.(*ir.Binary); ok && b.Op == ir.Add {
		if s, ok := term(b.Y); ok && in.hoistable(b.X) {
			return affine{Base: b.X, Step: s}, true
		}
		if s, ok := term(b.X); ok && in.hoistable(b.Y) {
			return affine{Base: b.Y, Step: s}, true
		}
	}
	return affine{}, false
}

func isRef(e ir.Expr, v *ir.Var) bool {
	r, ok := e.(*ir.VarRef)
	return ok && r.V == v
}

// isConstInt reports whether e is the int64 constant n.
func isConstInt(e ir.Expr, n int64) bool {
	c, ok := e.(*ir.ConstExpr)
	return ok && c.Value == n
}

// add builds x + y, leaving out a nil or constant-0 operand.
func add(x, y ir.Expr) ir.Expr {
	switch {
	case x == nil || isConstInt(x, 0):
		return y
	case y == nil || isConstInt(y, 0):
		return x
	}
	return ir.Bin(ir.Add, x, y)
}

// mulInt builds x * y, leaving out a constant-1 operand.
func mulInt(x, y ir.Expr) ir.Expr {
	switch {
	case isConstInt(x, 1):
		return y
	case isConstInt(y, 1):
		return x
	case isConstInt(x, 0) || isConstInt(y, 0):
		return ir.Int(0)
	}
	return ir.Bin(ir.Mul, x, y)
}

// newLocal adds a local named prefix<n> (the first n free in f) of type t.
func newLocal(f *ir.Func, prefix string, t ir.Type) *ir.Var {
	used := map[string]bool{}
	for _, v := range f.Params {
		used[v.Name] = true
	}
	for _, v := range f.Locals {
		used[v.Name] = true
	}
	for n := 1; ; n++ {
		name := prefix + strconv.Itoa(n)
		if !used[name] {
			v := &ir.Var{Name: name, Type: t}
			f.Locals = append(f.Locals, v)
			return v
		}
	}
}

// innermost reports whether b holds no loop.
func innermost(b *ir.Block) bool {
	inner := true
	ir.WalkStmts(b, func(s ir.Stmt) {
		switch s.(type) {
		case *ir.For, *ir.While:
			inner = false
		}
	})
	return inner
}

// continues reports whether b (the body of a loop) holds a Continue of that
// loop; b is an innermost body, so every Continue in it is one.
func continues(b *ir.Block) bool {
	found := false
	ir.WalkStmts(b, func(s ir.Stmt) {
		if _, ok := s.(*ir.Continue); ok {
			found = true
		}
	})
	return found
}

// accesses calls fn for every Load and Store in b (nested blocks included)
// with a pointer to its offset, so fn may replace it.
func accesses(b *ir.Block, fn func(arr *ir.Var, off *ir.Expr)) {
	ir.Inspect(b, func(n ir.Node) bool {
		switch x := n.(type) {
		case *ir.Store:
			fn(x.Arr, &x.Offset)
		case *ir.Load:
			fn(x.Arr, &x.Offset)
		}
		return true
	})
}

// definedWalk visits every For loop of f with the set of array variables
// certainly bound at the loop (see invariance.defined). fn may rewrite the
// loop's body; it returns statements to put before the loop and the
// statement that replaces it. Loops are visited innermost first.
func definedWalk(f *ir.Func, fn func(loop *ir.For, defined map[*ir.Var]bool) (pre []ir.Stmt, repl ir.Stmt)) {
	defined := map[*ir.Var]bool{}
	for _, p := range f.Params {
		defined[p] = true
	}
	var block func(b *ir.Block, defined map[*ir.Var]bool)
	block = func(b *ir.Block, outer map[*ir.Var]bool) {
		if b == nil {
			return
		}
		defined := make(map[*ir.Var]bool, len(outer))
		for v := range outer {
			defined[v] = true
		}
		var out []ir.Stmt
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.If:
				block(s.Then, defined)
				block(s.Else, defined)
			case *ir.While:
				block(s.Body, defined)
			case *ir.For:
				if s.Cold {
					break // the fallback of a versioned nest keeps its form (ir.For.Cold)
				}
				block(s.Body, defined)
				pre, repl := fn(s, defined)
				out = append(out, pre...)
				out = append(out, repl)
				continue
			case *ir.Alloc:
				defined[s.Dst] = true
			case *ir.View:
				defined[s.Dst] = true
			case *ir.Assign:
				if _, ok := s.Dst.Type.(*ir.Array); ok {
					defined[s.Dst] = true
				}
			case *ir.CallStmt:
				for _, d := range s.Dsts {
					if d != nil {
						if _, ok := d.Type.(*ir.Array); ok {
							defined[d] = true
						}
					}
				}
			}
			out = append(out, s)
		}
		b.Stmts = out
	}
	block(f.Body, defined)
}

// copyOf returns the copy, in c, of the loop l of orig, where c is
// ir.CloneStmt(orig): a copy has its original's shape, so l's copy is the
// For at l's place in Inspect's order.
func copyOf(orig, c ir.Stmt, l *ir.For) *ir.For {
	fors := func(s ir.Stmt) []*ir.For {
		var out []*ir.For
		ir.Inspect(s, func(n ir.Node) bool {
			if f, ok := n.(*ir.For); ok {
				out = append(out, f)
			}
			return true
		})
		return out
	}
	cs := fors(c)
	for k, f := range fors(orig) {
		if f == l {
			return cs[k]
		}
	}
	panic("copyOf: loop not in orig")
}

// loopSite is a For loop with where it sits: the block holding it and the
// For loops around it, outermost first, up to the nearest statement that is
// not a For (an If, a While or the function body).
type loopSite struct {
	loop   *ir.For
	parent *ir.Block
	// nest holds the enclosing For loops whose bodies hold this loop
	// directly, outermost first, each with its parent block.
	nest []loopSite
}

// loopSites lists every For loop of f in program order.
func loopSites(f *ir.Func) []loopSite {
	var sites []loopSite
	var block func(b *ir.Block, nest []loopSite)
	block = func(b *ir.Block, nest []loopSite) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.If:
				block(s.Then, nil)
				block(s.Else, nil)
			case *ir.While:
				block(s.Body, nil)
			case *ir.For:
				if s.Cold {
					continue // the fallback of a versioned nest keeps its form (ir.For.Cold)
				}
				site := loopSite{loop: s, parent: b, nest: nest}
				sites = append(sites, site)
				block(s.Body, append(nest[:len(nest):len(nest)], loopSite{loop: s, parent: b}))
			}
		}
	}
	block(f.Body, nil)
	return sites
}

// definedAt returns, for every For loop of f, the array variables certainly
// bound before it (see invariance.defined).
func definedAt(f *ir.Func) map[*ir.For]map[*ir.Var]bool {
	m := map[*ir.For]map[*ir.Var]bool{}
	definedWalk(f, func(loop *ir.For, defined map[*ir.Var]bool) ([]ir.Stmt, ir.Stmt) {
		c := make(map[*ir.Var]bool, len(defined))
		for v := range defined {
			c[v] = true
		}
		m[loop] = c
		return nil, loop
	})
	return m
}

// replaceStmt replaces old by repl in b.
func replaceStmt(b *ir.Block, old, repl ir.Stmt) {
	for i, s := range b.Stmts {
		if s == old {
			b.Stmts[i] = repl
			return
		}
	}
	panic("replaceStmt: statement not in block")
}

// loopsIn counts the For and While loops in b.
func loopsIn(b *ir.Block) int {
	n := 0
	ir.WalkStmts(b, func(s ir.Stmt) {
		switch s.(type) {
		case *ir.For, *ir.While:
			n++
		}
	})
	return n
}

// forwardOffsets puts the affine offsets lower computes into temporaries
// back into the accesses that use them: t = base + i*s; ... x[t] becomes
// x[base + i*s] when t is assigned nowhere else in f and read nowhere else,
// so contig, stride and window see the access's affine form. The
// expression is invariant apart from i (which the body does not assign) and
// cannot fault, so evaluating it at the access instead gives the same
// value. The temporary, now unused, leaves f.Locals.
func forwardOffsets(f *ir.Func, loop *ir.For, in *invariance) {
	hot := withoutCold(f.Body)
	reads := varReads(hot)
	assigns := assignCounts(hot)
	// The statement index of each offset that is a lone variable.
	usedAt := map[*ir.Var]int{}
	for k, s := range loop.Body.Stmts {
		accesses(&ir.Block{Stmts: []ir.Stmt{s}}, func(arr *ir.Var, off *ir.Expr) {
			if r, ok := (*off).(*ir.VarRef); ok {
				if _, dup := usedAt[r.V]; !dup {
					usedAt[r.V] = k
				}
			}
		})
	}
	fwd := map[*ir.Var]ir.Expr{}
	out := loop.Body.Stmts[:0]
	for k, s := range loop.Body.Stmts {
		if a, ok := s.(*ir.Assign); ok && reads[a.Dst] == 1 && assigns[a.Dst] == 1 && !a.Dst.Param && ir.IsScalar(a.Dst.Type, ir.Int64) {
			if at, ok := usedAt[a.Dst]; ok && at > k {
				if _, ok := decompose(a.Src, loop.Var, in); ok {
					fwd[a.Dst] = a.Src
					continue
				}
			}
		}
		out = append(out, s)
	}
	loop.Body.Stmts = out
	if len(fwd) == 0 {
		return
	}
	accesses(loop.Body, func(arr *ir.Var, off *ir.Expr) {
		if r, ok := (*off).(*ir.VarRef); ok && fwd[r.V] != nil {
			*off = fwd[r.V]
		}
	})
	// A cold loop (the fallback twin of a versioned nest) may still use
	// the temporary: it stays declared then.
	still := varReads(f.Body)
	locals := f.Locals[:0]
	for _, v := range f.Locals {
		if fwd[v] == nil || still[v] > 0 {
			locals = append(locals, v)
		}
	}
	f.Locals = locals
}

// withoutCold returns b's statement tree without its cold loops
// (ir.For.Cold), sharing every other statement, for counting uses: a cold
// loop is the fallback twin of a versioned nest, run instead of its fast
// copy and never after it, so its reads and writes are the twin's and must
// not make the fast copy's temporaries look used elsewhere.
func withoutCold(b *ir.Block) *ir.Block {
	if b == nil {
		return nil
	}
	out := &ir.Block{}
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.For:
			if s.Cold {
				continue
			}
			c := *s
			c.Body = withoutCold(s.Body)
			out.Stmts = append(out.Stmts, &c)
			continue
		case *ir.If:
			out.Stmts = append(out.Stmts, &ir.If{Cond: s.Cond, Then: withoutCold(s.Then), Else: withoutCold(s.Else), Pos: s.Pos})
			continue
		case *ir.While:
			out.Stmts = append(out.Stmts, &ir.While{Cond: s.Cond, Body: withoutCold(s.Body), Pos: s.Pos})
			continue
		}
		out.Stmts = append(out.Stmts, s)
	}
	return out
}
