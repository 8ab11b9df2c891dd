package opt

import (
	"sort"

	"github.com/pyc2go/pyc2go/ir"
)

// Affine index arithmetic for the loop-nest passes (bchoist, interchange,
// tile). An index expression of a loop nest is recognised as
//
//	c + Σ k_v·v + Σ k_t·t
//
// with integer constants c, k_v, k_t, loop variables v of the nest and
// invariant terms t: variables the nest never assigns and Dims of arrays it
// never rebinds. Temporaries are seen through: lower computes every index
// into a temporary first (t1 = (i - 1); check (t1 < a.shape[0]) ...), so
// the passes walk each block in order and record the affine value of every
// assignment they can read (nestEnv). Recording the value at the
// assignment, over variables that cannot change during one iteration, is
// what makes the substitution exact.
//
// Overflow: int64 index arithmetic wraps, so "the extreme of an affine form
// over a box is at a corner" holds only when nothing wraps. Coefficients are
// kept at most maxCoef in magnitude at every step of the recognition, forms
// have at most maxTerms parts, and passes that reason about extremes also
// require, at run time, every loop variable and invariant term to lie in
// [-maxMag, maxMag]: then no partial sum the generated code computes can
// wrap (8 · 2^10 · 2^40 < 2^63).
const (
	maxCoef  = 1 << 10
	maxTerms = 8
	maxMag   = 1 << 40
)

// affineForm is c + Σ iv[v]·v + Σ terms.
type affineForm struct {
	c     int64
	iv    map[*ir.Var]int64
	terms map[string]*term // by printed expression, so equal terms merge
}

type term struct {
	k int64
	e ir.Expr
}

func affConst(c int64) *affineForm { return &affineForm{c: c} }

func affVar(v *ir.Var) *affineForm { return &affineForm{iv: map[*ir.Var]int64{v: 1}} }

func affTerm(e ir.Expr) *affineForm {
	return &affineForm{terms: map[string]*term{ir.ExprString(e): {1, e}}}
}

// add returns a + k·b, or nil when a coefficient or the form grows too
// big.
func (a *affineForm) add(b *affineForm, k int64) *affineForm {
	r := &affineForm{c: a.c + k*b.c, iv: map[*ir.Var]int64{}, terms: map[string]*term{}}
	if !small(k) || !smallConst(r.c) {
		return nil
	}
	for v, x := range a.iv {
		r.iv[v] = x
	}
	for v, x := range b.iv {
		r.iv[v] += k * x
	}
	for s, t := range a.terms {
		r.terms[s] = &term{t.k, t.e}
	}
	for s, t := range b.terms {
		if r.terms[s] == nil {
			r.terms[s] = &term{0, t.e}
		}
		r.terms[s].k += k * t.k
	}
	for v, x := range r.iv {
		if x == 0 {
			delete(r.iv, v)
		} else if !small(x) {
			return nil
		}
	}
	for s, t := range r.terms {
		if t.k == 0 {
			delete(r.terms, s)
		} else if !small(t.k) {
			return nil
		}
	}
	if len(r.iv)+len(r.terms) > maxTerms {
		return nil
	}
	return r
}

func (a *affineForm) scale(k int64) *affineForm { return affConst(0).add(a, k) }

func small(k int64) bool { return k >= -maxCoef && k <= maxCoef }

// smallConst bounds constants like the run-time values of terms.
func smallConst(c int64) bool { return c >= -maxMag && c <= maxMag }

// isConst reports whether a has neither loop variables nor terms.
func (a *affineForm) isConst() bool { return len(a.iv) == 0 && len(a.terms) == 0 }

// invariant reports whether a has no loop variables.
func (a *affineForm) invariant() bool { return len(a.iv) == 0 }

// sortedTerms returns a's terms in a deterministic order.
func (a *affineForm) sortedTerms() []*term {
	keys := make([]string, 0, len(a.terms))
	for s := range a.terms {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	ts := make([]*term, len(keys))
	for i, s := range keys {
		ts[i] = a.terms[s]
	}
	return ts
}

// expr builds a's value with the loop variables replaced by vals[v] (an
// expression for the value chosen for v); nil vals for an invariant form.
func (a *affineForm) expr(vals map[*ir.Var]ir.Expr) ir.Expr {
	var e ir.Expr
	add := func(k int64, x ir.Expr) {
		switch {
		case k == 1:
		case k == -1 && e != nil:
			e = ir.Bin(ir.Sub, e, x)
			return
		case k == -1:
			x = &ir.Unary{Op: ir.Neg, X: x}
		default:
			x = ir.Bin(ir.Mul, ir.Int(k), x)
		}
		if e == nil {
			e = x
		} else {
			e = ir.Bin(ir.Add, e, x)
		}
	}
	for _, t := range a.sortedTerms() {
		add(t.k, ir.CloneExpr(t.e))
	}
	vs := make([]*ir.Var, 0, len(a.iv))
	for v := range a.iv {
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
	for _, v := range vs {
		add(a.iv[v], ir.CloneExpr(vals[v]))
	}
	switch {
	case e == nil:
		return ir.Int(a.c)
	case a.c > 0:
		return ir.Bin(ir.Add, e, ir.Int(a.c))
	case a.c < 0:
		return ir.Bin(ir.Sub, e, ir.Int(-a.c))
	}
	return e
}

// nestEnv is what the walk of a loop nest knows at one point: the loop
// variables in scope with their ranges, the affine value of temporaries
// assigned earlier in the same iteration, and what the whole nest assigns
// (everything else is invariant).
type nestEnv struct {
	assigned map[*ir.Var]bool // variables (scalars and arrays) the nest assigns
	loops    map[*ir.Var]*loopRange
	defs     map[*ir.Var]*affineForm
}

// loopRange is the range of a loop variable over the whole nest: its
// bounds are invariant, so the loop runs the same iterations every time.
type loopRange struct {
	f           *ir.For
	start, stop *affineForm // invariant
	step        int64
}

func newNestEnv(root *ir.For) *nestEnv {
	return &nestEnv{
		assigned: ir.Defined(&ir.Block{Stmts: []ir.Stmt{root}}),
		loops:    map[*ir.Var]*loopRange{},
		defs:     map[*ir.Var]*affineForm{},
	}
}

// child returns a copy of env for a nested block; kill lists variables
// whose recorded value does not hold on entry (those a loop body assigns,
// which hold the previous iteration's value).
func (env *nestEnv) child(kill map[*ir.Var]bool) *nestEnv {
	c := &nestEnv{assigned: env.assigned, loops: map[*ir.Var]*loopRange{}, defs: map[*ir.Var]*affineForm{}}
	for v, r := range env.loops {
		c.loops[v] = r
	}
	for v, a := range env.defs {
		if !kill[v] {
			c.defs[v] = a
		}
	}
	return c
}

// enterLoop returns the environment of f's body, with f's variable in
// scope when its bounds are invariant and its step a constant.
func (env *nestEnv) enterLoop(f *ir.For) *nestEnv {
	c := env.child(ir.Defined(f.Body))
	start, stop := env.affine(f.Start), env.affine(f.Stop)
	step, ok := f.Step.(*ir.ConstExpr)
	if start != nil && stop != nil && start.invariant() && stop.invariant() && ok {
		if k, _ := step.Value.(int64); k != 0 && small(k) && stop.add(start, -1) != nil {
			c.loops[f.Var] = &loopRange{f: f, start: start, stop: stop, step: k}
		}
	}
	return c
}

// record notes the statement s of the current block: an assignment's
// affine value, or the variables a nested statement may change.
func (env *nestEnv) record(s ir.Stmt) {
	switch s := s.(type) {
	case *ir.Assign:
		if a := env.affine(s.Src); a != nil {
			env.defs[s.Dst] = a
		} else {
			delete(env.defs, s.Dst)
		}
	default:
		for v := range ir.Defined(&ir.Block{Stmts: []ir.Stmt{s}}) {
			delete(env.defs, v)
		}
	}
}

// affine recognises e as an affine form over the nest, or returns nil.
func (env *nestEnv) affine(e ir.Expr) *affineForm {
	if !ir.IsScalar(e.Type(), ir.Int64) {
		return nil
	}
	switch e := e.(type) {
	case *ir.ConstExpr:
		c, _ := e.Value.(int64)
		if !smallConst(c) {
			return nil
		}
		return affConst(c)
	case *ir.VarRef:
		if _, ok := env.loops[e.V]; ok {
			return affVar(e.V)
		}
		if a, ok := env.defs[e.V]; ok {
			return a
		}
		if !env.assigned[e.V] {
			return affTerm(e)
		}
	case *ir.Dim:
		if !env.assigned[e.Arr] {
			return affTerm(e)
		}
	case *ir.Unary:
		if e.Op == ir.Neg {
			if x := env.affine(e.X); x != nil {
				return x.scale(-1)
			}
		}
	case *ir.Binary:
		x, y := env.affine(e.X), env.affine(e.Y)
		if x == nil || y == nil {
			return nil
		}
		switch e.Op {
		case ir.Add:
			return x.add(y, 1)
		case ir.Sub:
			return x.add(y, -1)
		case ir.Mul:
			if x.isConst() {
				return y.scale(x.c)
			}
			if y.isConst() {
				return x.scale(y.c)
			}
		}
	}
	return nil
}
