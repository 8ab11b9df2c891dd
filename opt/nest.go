package opt

import (
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Perfect loop nests and their dependences, shared by interchange and tile.
//
// A perfect nest is loops L0 ⊃ L1 ⊃ ... ⊃ Ln-1 where each Lk's body is a
// run of invariant integer assignments (which the passes move in front of
// the nest) followed by Lk+1, and the innermost body is straight-line
// Assigns and Stores: no checks (reordering iterations would reorder which
// exception is raised first; bchoist leaves the fast copy of a nest without
// index checks, which is why it runs first), no calls, no branches. Every
// loop has invariant bounds and a constant step, so any order of the loops
// runs the same set of iterations.
//
// Memory accesses are recovered per axis from lower's flat offsets
// a.offset[0] + s0·a.stride[0] + s1·a.stride[1] + ..., each subscript sk an
// affine form in the loop variables. Two accesses of one array, at least
// one a Store, depend when some iterations I, I' give equal subscripts on
// every axis. With equal coefficients on an axis (the uniform case: c[i, j]
// and c[i, j], a[i, j] and a[i - 1, j + 1]), a subscript with one loop
// variable v fixes the distance I'_v - I_v; an axis without loop variables
// either never matches (different constants: no dependence at all) or
// constrains nothing; anything else (different coefficients, symbolic
// differences, coupled variables) leaves the loops it involves free. The
// result is a direction vector per dependence, each component <, =, > or *
// (any), which is all the legality tests need:
//
//   - a permutation of the loops is legal iff every non-zero distance the
//     vectors allow keeps the sign of its first non-zero component, i.e.
//     every pair of accesses to one element keeps its order. This is also
//     what makes the passes bit-exact on floats: the updates of one
//     location (c[i, j] += ...) happen in the same order;
//   - tiling (strip-mining every loop, then moving the tile loops out) is
//     legal iff every dependence, oriented forward, has no negative
//     component (the loops are fully permutable).
//
// Accesses to two different arrays of one element type may alias (two
// parameters can be the same array or views of one buffer); the passes
// cannot see that statically, so they version the nest on !may_share(x, y)
// for each such pair with a store, unless an enclosing If already tests
// it.

// perfectNest is a perfect loop nest ready to be reordered.
type perfectNest struct {
	loops    []*ir.For    // outermost first
	hoist    []*ir.Assign // invariant assignments between the loops, in order
	body     *ir.Block    // the innermost body
	accesses []*access
	deps     []depVec
	noShare  [][2]*ir.Var // array pairs the nest needs not to share memory
}

// access is one Load or Store of the innermost body.
type access struct {
	arr   *ir.Var
	store bool
	sub   []*affineForm // one subscript per axis
}

// depVec is a direction vector, one entry per loop of the nest: -1, 0, 1,
// or dirAny. from and to name the accesses, for remarks.
type depVec struct {
	dir      []int
	from, to *access
}

const dirAny = 2

// analyzeNest recognises the perfect nest rooted at root. It returns nil
// and a reason when root is not one (an empty reason for a single loop,
// which no pass reorders and which needs no remark).
func analyzeNest(fn *ir.Func, root *ir.For, facts map[string]bool) (*perfectNest, string) {
	n := &perfectNest{}
	env := newNestEnv(root)
	for cur := root; ; {
		n.loops = append(n.loops, cur)
		if cur.Parallel {
			return nil, "loop " + cur.Var.Name + " is parallel"
		}
		env = env.enterLoop(cur)
		if env.loops[cur.Var] == nil {
			return nil, fmt.Sprintf("the bounds of loop %s vary in the nest or its step is not a constant", cur.Var.Name)
		}
		inner, _ := lastStmt(cur.Body).(*ir.For)
		if inner == nil || inner.Cold {
			if len(n.loops) == 1 {
				return nil, ""
			}
			n.body = cur.Body
			break
		}
		for _, s := range cur.Body.Stmts[:len(cur.Body.Stmts)-1] {
			a, ok := s.(*ir.Assign)
			if !ok || !nestHoistable(a, env) {
				return nil, fmt.Sprintf("not a perfect nest: loop %s has %s statement besides loop %s", cur.Var.Name, stmtKindArticle(s), inner.Var.Name)
			}
			n.hoist = append(n.hoist, a)
			env.record(a)
		}
		cur = inner
	}
	if why := n.scanBody(fn, root, env); why != "" {
		return nil, why
	}
	n.dependences(facts)
	return n, ""
}

func lastStmt(b *ir.Block) ir.Stmt {
	if len(b.Stmts) == 0 {
		return nil
	}
	return b.Stmts[len(b.Stmts)-1]
}

// nestHoistable reports whether a, between two loops of the nest, computes an
// integer from invariants only, so it can run once before the nest.
func nestHoistable(a *ir.Assign, env *nestEnv) bool {
	if !ir.IsScalar(a.Dst.Type, ir.Int64) {
		return false
	}
	x := env.affine(a.Src)
	return x != nil && x.invariant() && pureInt(a.Src)
}

// pureInt reports whether e is integer arithmetic that cannot fail or
// read memory.
func pureInt(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.ConstExpr, *ir.VarRef, *ir.Dim:
		return true
	case *ir.Unary:
		return pureInt(e.X)
	case *ir.Binary:
		return (e.Op == ir.Add || e.Op == ir.Sub || e.Op == ir.Mul) && pureInt(e.X) && pureInt(e.Y)
	}
	return false
}

// scanBody checks the innermost body and collects its accesses.
func (n *perfectNest) scanBody(fn *ir.Func, root *ir.For, env *nestEnv) string {
	raw := map[*ir.Var]ir.Expr{} // temporaries' definitions, for offsets
	written := map[*ir.Var]bool{}
	outside := varsOutside(fn.Body, root)
	hoisted := map[*ir.Var]bool{}
	for _, h := range n.hoist {
		hoisted[h.Dst] = true
		if outside[h.Dst] {
			return "variable " + h.Dst.Name + " between the loops is used outside the nest"
		}
	}
	for _, s := range n.body.Stmts {
		var why string
		ir.WalkExprs(&ir.Block{Stmts: []ir.Stmt{s}}, func(e ir.Expr) {
			switch e := e.(type) {
			case *ir.VarRef:
				if _, isArr := e.V.Type.(*ir.Array); isArr && why == "" {
					why = "array " + e.V.Name + " is used whole in the loop body"
				}
				if env.assigned[e.V] && !written[e.V] && !hoisted[e.V] && env.loops[e.V] == nil && why == "" {
					why = "scalar " + e.V.Name + " carries a value from one iteration to the next"
				}
			case *ir.Call:
				if why == "" {
					why = "the loop body calls " + e.Fn.Name
				}
			case *ir.Load:
				if why == "" {
					acc, w := n.parseAccess(e.Arr, e.Offset, raw, env)
					why = w
					if acc != nil {
						n.accesses = append(n.accesses, acc)
					}
				}
			}
		})
		if why != "" {
			return why
		}
		switch s := s.(type) {
		case *ir.Assign:
			if written[s.Dst] {
				return "scalar " + s.Dst.Name + " is assigned twice in the loop body"
			}
			if outside[s.Dst] {
				return "scalar " + s.Dst.Name + " is used outside the nest"
			}
			written[s.Dst] = true
			raw[s.Dst] = s.Src
		case *ir.Store:
			acc, w := n.parseAccess(s.Arr, s.Offset, raw, env)
			if w != "" {
				return w
			}
			acc.store = true
			n.accesses = append(n.accesses, acc)
		default:
			return fmt.Sprintf("the loop body has %s statement", stmtKindArticle(s))
		}
		env.record(s)
	}
	return ""
}

// stmtKindArticle names a statement's kind with its article: "an if".
func stmtKindArticle(s ir.Stmt) string {
	k := strings.ToLower(strings.TrimPrefix(fmt.Sprintf("%T", s), "*ir."))
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an " + k
	}
	return "a " + k
}

// varsOutside returns the variables referenced or assigned in b outside
// the statement root and outside cold loops. A cold loop is the original
// of a versioned nest: an alternative to its fast twin, never run after
// it, with the same reads, so the twin's uses stand for it.
func varsOutside(b *ir.Block, root ir.Stmt) map[*ir.Var]bool {
	m := map[*ir.Var]bool{}
	var walk func(b *ir.Block)
	walk = func(b *ir.Block) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			if f, ok := s.(*ir.For); s == root || ok && f.Cold {
				continue
			}
			for _, e := range ir.StmtExprs(s) {
				exprVars(e, m)
			}
			for v := range ir.Defined(&ir.Block{Stmts: []ir.Stmt{shallow(s)}}) {
				m[v] = true
			}
			switch s := s.(type) {
			case *ir.If:
				walk(s.Then)
				walk(s.Else)
			case *ir.For:
				walk(s.Body)
			case *ir.While:
				walk(s.Body)
			}
		}
	}
	walk(b)
	return m
}

// exprVars adds the variables e reads to m.
func exprVars(e ir.Expr, m map[*ir.Var]bool) {
	switch e := e.(type) {
	case *ir.VarRef:
		m[e.V] = true
	case *ir.Unary:
		exprVars(e.X, m)
	case *ir.Binary:
		exprVars(e.X, m)
		exprVars(e.Y, m)
	case *ir.Convert:
		exprVars(e.X, m)
	case *ir.Intrinsic:
		for _, a := range e.Args {
			exprVars(a, m)
		}
	case *ir.Call:
		for _, a := range e.Args {
			exprVars(a, m)
		}
	case *ir.Dim:
		m[e.Arr] = true
	case *ir.Load:
		m[e.Arr] = true
		exprVars(e.Offset, m)
	}
}

// shallow returns s without its nested blocks.
func shallow(s ir.Stmt) ir.Stmt {
	switch s := s.(type) {
	case *ir.If:
		return &ir.If{Cond: s.Cond}
	case *ir.For:
		return &ir.For{Var: s.Var, Start: s.Start, Stop: s.Stop, Step: s.Step}
	case *ir.While:
		return &ir.While{Cond: s.Cond}
	}
	return s
}

// parseAccess recovers the per-axis subscripts of arr's element at flat
// offset off.
func (n *perfectNest) parseAccess(arr *ir.Var, off ir.Expr, raw map[*ir.Var]ir.Expr, env *nestEnv) (*access, string) {
	at, ok := arr.Type.(*ir.Array)
	if !ok || env.assigned[arr] {
		return nil, "array " + arr.Name + " is rebound in the nest"
	}
	acc := &access{arr: arr, sub: make([]*affineForm, at.Rank)}
	for k := range acc.sub {
		acc.sub[k] = affConst(0)
	}
	bad := "the subscript of " + arr.Name + " is not affine in the loop variables"
	base := 0
	var terms func(e ir.Expr, sign int64) bool
	terms = func(e ir.Expr, sign int64) bool {
		switch x := e.(type) {
		case *ir.VarRef:
			if d, ok := raw[x.V]; ok {
				return terms(d, sign)
			}
		case *ir.Binary:
			switch x.Op {
			case ir.Add:
				return terms(x.X, sign) && terms(x.Y, sign)
			case ir.Sub:
				return terms(x.X, sign) && terms(x.Y, -sign)
			case ir.Mul:
				for _, p := range [][2]ir.Expr{{x.X, x.Y}, {x.Y, x.X}} {
					if d, ok := p[1].(*ir.Dim); ok && d.Arr == arr && d.Kind == ir.Stride {
						s := env.affine(p[0])
						if s == nil {
							return false
						}
						acc.sub[d.Axis] = acc.sub[d.Axis].add(s, sign)
						return acc.sub[d.Axis] != nil
					}
				}
			}
		case *ir.Dim:
			if x.Arr == arr && x.Kind == ir.Offset && sign == 1 {
				base++
				return true
			}
		}
		return false
	}
	if !terms(off, 1) || base != 1 {
		return nil, bad
	}
	return acc, ""
}

// dependences fills n.deps and n.noShare.
func (n *perfectNest) dependences(facts map[string]bool) {
	seen := map[string]bool{}
	for i, p := range n.accesses {
		for _, q := range n.accesses[i:] {
			if !p.store && !q.store {
				continue
			}
			if p.arr != q.arr {
				pt, qt := p.arr.Type.(*ir.Array), q.arr.Type.(*ir.Array)
				if pt.Elem != qt.Elem {
					continue // different Go element types: never one buffer
				}
				x, y := p.arr, q.arr
				if x.Name > y.Name {
					x, y = y, x
				}
				key := x.Name + "," + y.Name
				if !seen[key] && !facts[noShareKey(x, y)] {
					seen[key] = true
					n.noShare = append(n.noShare, [2]*ir.Var{x, y})
				}
				continue
			}
			if d := n.direction(p, q); d != nil {
				n.deps = append(n.deps, depVec{dir: d, from: p, to: q})
			}
		}
	}
	sort.SliceStable(n.noShare, func(i, j int) bool {
		return n.noShare[i][0].Name+","+n.noShare[i][1].Name < n.noShare[j][0].Name+","+n.noShare[j][1].Name
	})
}

// direction returns the direction vector of the dependence between p at
// iteration I and q at I' (components sign(I' - I)), or nil when no two
// iterations touch one element.
func (n *perfectNest) direction(p, q *access) []int {
	dist := map[*ir.Var]int64{}
	free := map[*ir.Var]bool{}
	for k := range p.sub {
		fp, fq := p.sub[k], q.sub[k]
		if !sameCoefs(fp, fq) {
			for v := range fp.iv {
				free[v] = true
			}
			for v := range fq.iv {
				free[v] = true
			}
			continue
		}
		d := fp.add(fq, -1)
		if d == nil || !d.isConst() {
			for v := range fp.iv {
				free[v] = true
			}
			continue
		}
		switch len(fp.iv) {
		case 0:
			if d.c != 0 {
				return nil
			}
		case 1:
			for v, a := range fp.iv {
				if d.c%a != 0 {
					return nil
				}
				x := d.c / a
				if old, ok := dist[v]; ok && old != x {
					return nil
				}
				dist[v] = x
			}
		default:
			for v := range fp.iv {
				free[v] = true
			}
		}
	}
	dir := make([]int, len(n.loops))
	for i, l := range n.loops {
		x, ok := dist[l.Var]
		switch {
		case !ok || free[l.Var]:
			dir[i] = dirAny
		case x > 0:
			dir[i] = 1
		case x < 0:
			dir[i] = -1
		}
	}
	return dir
}

func sameCoefs(a, b *affineForm) bool {
	if len(a.iv) != len(b.iv) {
		return false
	}
	for v, k := range a.iv {
		if b.iv[v] != k {
			return false
		}
	}
	return true
}

// expand calls fn for every concrete direction vector d allows, except
// all zeros (the same iteration, whose order the body keeps).
func expand(d []int, fn func([]int) bool) bool {
	cur := make([]int, len(d))
	var rec func(i int, nonzero bool) bool
	rec = func(i int, nonzero bool) bool {
		if i == len(d) {
			return !nonzero || fn(cur)
		}
		vals := []int{d[i]}
		if d[i] == dirAny {
			vals = []int{-1, 0, 1}
		}
		for _, v := range vals {
			cur[i] = v
			if !rec(i+1, nonzero || v != 0) {
				return false
			}
		}
		return true
	}
	return rec(0, false)
}

func leadSign(d []int, order []int) int {
	for _, i := range order {
		if d[i] != 0 {
			return d[i]
		}
	}
	return 0
}

// permutable reports whether running the loops in order (indices into
// n.loops, outermost first) keeps every dependence; if not it returns the
// offending one.
func (n *perfectNest) permutable(order []int) (bool, *depVec) {
	ident := make([]int, len(n.loops))
	for i := range ident {
		ident[i] = i
	}
	for i := range n.deps {
		d := &n.deps[i]
		ok := expand(d.dir, func(c []int) bool { return leadSign(c, ident) == leadSign(c, order) })
		if !ok {
			return false, d
		}
	}
	return true, nil
}

// tileable reports whether every dependence, oriented forward, has no
// negative component in the band (indices into n.loops, the loops to
// tile), so tiles can run in any order of the band's loops.
func (n *perfectNest) tileable(band []int) (bool, *depVec) {
	ident := make([]int, len(n.loops))
	for i := range ident {
		ident[i] = i
	}
	for i := range n.deps {
		d := &n.deps[i]
		ok := expand(d.dir, func(c []int) bool {
			s := leadSign(c, ident)
			for _, l := range band {
				if c[l]*s < 0 {
					return false
				}
			}
			return true
		})
		if !ok {
			return false, d
		}
	}
	return true, nil
}

// String prints a dependence for remarks: c[i, j] -> c[i, j] (=, *, =).
func (d *depVec) String() string {
	parts := make([]string, len(d.dir))
	for i, x := range d.dir {
		parts[i] = map[int]string{-1: ">", 0: "=", 1: "<", dirAny: "*"}[x]
	}
	return fmt.Sprintf("%s -> %s (%s)", d.from, d.to, strings.Join(parts, ", "))
}

func (a *access) String() string {
	subs := make([]string, len(a.sub))
	for i, s := range a.sub {
		subs[i] = ir.ExprString(s.expr(varVals(s)))
	}
	return a.arr.Name + "[" + strings.Join(subs, ", ") + "]"
}

func varVals(a *affineForm) map[*ir.Var]ir.Expr {
	m := map[*ir.Var]ir.Expr{}
	for v := range a.iv {
		m[v] = ir.Ref(v)
	}
	return m
}

// strideCost counts the accesses for which loop l is a strided walk under
// the C-order assumption: l appears in a subscript other than the last
// axis, or in the last with a coefficient other than ±1. Accesses that do
// not depend on l cost nothing (the value stays in a register or cache
// line).
func (n *perfectNest) strideCost(l int) int {
	v := n.loops[l].Var
	cost := 0
	for _, a := range n.accesses {
		for k, s := range a.sub {
			c := s.iv[v]
			if c != 0 && (k != len(a.sub)-1 || (c != 1 && c != -1)) {
				cost++
				break
			}
		}
	}
	return cost
}

// noShareCond returns !may_share(x, y) && ... for the pairs, or nil.
func noShareCond(pairs [][2]*ir.Var) ir.Expr {
	var es []ir.Expr
	for _, p := range pairs {
		es = append(es, &ir.Unary{Op: ir.Not, X: &ir.Intrinsic{Name: "may_share", Args: []ir.Expr{ir.Ref(p[0]), ir.Ref(p[1])}, T: ir.Bool}})
	}
	if len(es) == 0 {
		return nil
	}
	return andAll(es)
}

func noShareKey(x, y *ir.Var) string {
	if x.Name > y.Name {
		x, y = y, x
	}
	return x.Name + "," + y.Name
}

// noShareFacts returns facts plus the pairs that s's condition proves not
// to share memory in s.Then: the conjuncts !may_share(x, y) whose arrays
// the branch never assigns (an assignment would make the code in Then see
// other arrays than the test did). facts itself is left as it is: the
// Else branch and later statements keep the facts from before the test.
func noShareFacts(facts map[string]bool, s *ir.If) map[string]bool {
	var defined map[*ir.Var]bool
	m, copied := facts, false
	for _, c := range conjuncts(s.Cond) {
		u, ok := c.(*ir.Unary)
		if !ok || u.Op != ir.Not {
			continue
		}
		in, ok := u.X.(*ir.Intrinsic)
		if !ok || in.Name != "may_share" || len(in.Args) != 2 {
			continue
		}
		x, ok1 := in.Args[0].(*ir.VarRef)
		y, ok2 := in.Args[1].(*ir.VarRef)
		if !ok1 || !ok2 {
			continue
		}
		if defined == nil {
			defined = ir.Defined(s.Then)
		}
		if defined[x.V] || defined[y.V] {
			continue
		}
		if !copied {
			m, copied = map[string]bool{}, true
			maps.Copy(m, facts)
		}
		m[noShareKey(x.V, y.V)] = true
	}
	return m
}

// nestWalker calls visit on every loop of b that is not cold, outermost
// first, with the no-share facts of the enclosing Ifs; visit returns the
// statements that replace the loop and whether to look inside the loop
// for other nests.
func nestWalker(b *ir.Block, facts map[string]bool, visit func(f *ir.For, facts map[string]bool) ([]ir.Stmt, bool)) {
	if b == nil {
		return
	}
	var out []ir.Stmt
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.For:
			if s.Cold {
				break
			}
			repl, inside := visit(s, facts)
			if repl != nil {
				out = append(out, repl...)
				continue
			}
			if inside {
				nestWalker(s.Body, facts, visit)
			}
		case *ir.If:
			nestWalker(s.Then, noShareFacts(facts, s), visit)
			nestWalker(s.Else, facts, visit)
		case *ir.While:
			nestWalker(s.Body, facts, visit)
		}
		out = append(out, s)
	}
	b.Stmts = out
}

// nestLocal adds a fresh int64 local named after base to fn.
func nestLocal(fn *ir.Func, base string) *ir.Var {
	used := map[string]bool{}
	for _, v := range fn.Params {
		used[v.Name] = true
	}
	for _, v := range fn.Locals {
		used[v.Name] = true
	}
	name := base
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	v := &ir.Var{Name: name, Type: ir.Int64}
	fn.Locals = append(fn.Locals, v)
	return v
}

// inlineIndexTemps substitutes, in the innermost body, every integer
// temporary computed by pure arithmetic (lower's flat offsets t1 = c.offset
// + i*c.stride[0] + j*c.stride[1]) into its uses and drops its assignment,
// so each Load and Store shows its offset as base + v*stride, the form the
// inner-loop passes (licm, contig, stride) recognise. It is exact:
// scanBody proved each such temporary is assigned once per iteration
// before any use and is not used outside the nest, and pure integer
// arithmetic has no effect, so computing it at each use gives the same
// values; Go's compiler shares the repeated subexpressions again.
func (n *perfectNest) inlineIndexTemps() {
	defs := map[*ir.Var]ir.Expr{}
	out := n.body.Stmts[:0]
	for _, s := range n.body.Stmts {
		switch s := s.(type) {
		case *ir.Assign:
			s.Src = substVars(s.Src, defs)
			if ir.IsScalar(s.Dst.Type, ir.Int64) && pureInt(s.Src) {
				defs[s.Dst] = s.Src
				continue
			}
		case *ir.Store:
			s.Offset = substVars(s.Offset, defs)
			s.Val = substVars(s.Val, defs)
		}
		out = append(out, s)
	}
	n.body.Stmts = out
}

// substVars returns e with every read of a variable in m replaced by a
// copy of m's expression.
func substVars(e ir.Expr, m map[*ir.Var]ir.Expr) ir.Expr {
	switch x := e.(type) {
	case *ir.VarRef:
		if d, ok := m[x.V]; ok {
			return ir.CloneExpr(d)
		}
	case *ir.Unary:
		return &ir.Unary{Op: x.Op, X: substVars(x.X, m)}
	case *ir.Binary:
		return &ir.Binary{Op: x.Op, X: substVars(x.X, m), Y: substVars(x.Y, m)}
	case *ir.Convert:
		return &ir.Convert{X: substVars(x.X, m), T: x.T}
	case *ir.Intrinsic:
		args := make([]ir.Expr, len(x.Args))
		for i, a := range x.Args {
			args[i] = substVars(a, m)
		}
		return &ir.Intrinsic{Name: x.Name, Args: args, T: x.T}
	case *ir.Load:
		return &ir.Load{Arr: x.Arr, Offset: substVars(x.Offset, m)}
	}
	return e
}

// hoistInvariantLoads moves t = x[off] out of the innermost loop of nest
// when off does not depend on that loop and x is never stored in the nest
// (matmul's a[i, k] in ikj order), as a hand-written loop keeps it in a
// register. It runs on the rewritten nest only, where every array the nest
// stores is known not to share memory with any array it loads (the
// may_share version, an enclosing test, or one array throughout), so no
// store of the loop can change the loaded value; the load's subscripts
// were in range wherever the nest ran it, and depend only on outer loops
// that do run, and it happens only when the innermost loop runs at least
// once (a guard), so it reads exactly what the first iteration read.
func (n *perfectNest) hoistInvariantLoads(nest *ir.For) {
	// Find the innermost loop and the block holding it.
	parent, inner := (*ir.Block)(nil), nest
	for inner.Body != n.body {
		parent = inner.Body
		next, ok := lastStmt(inner.Body).(*ir.For)
		if !ok {
			return
		}
		inner = next
	}
	step, ok := inner.Step.(*ir.ConstExpr)
	if parent == nil || !ok || step.Value.(int64) <= 0 || len(parent.Stmts) != 1 {
		return
	}
	stored := map[*ir.Var]bool{}
	assigned := map[*ir.Var]bool{inner.Var: true}
	for _, s := range n.body.Stmts {
		switch s := s.(type) {
		case *ir.Store:
			stored[s.Arr] = true
		case *ir.Assign:
			assigned[s.Dst] = true
		}
	}
	var hoisted, kept []ir.Stmt
	for _, s := range n.body.Stmts {
		if a, ok := s.(*ir.Assign); ok {
			if ld, ok := a.Src.(*ir.Load); ok && !stored[ld.Arr] {
				reads := map[*ir.Var]bool{}
				exprVars(ld.Offset, reads)
				free := true
				for v := range reads {
					free = free && !assigned[v]
				}
				if free {
					hoisted = append(hoisted, a)
					continue
				}
			}
		}
		kept = append(kept, s)
	}
	if len(hoisted) == 0 {
		return
	}
	n.body.Stmts = kept
	guard := &ir.If{Cond: ir.Bin(ir.Lt, ir.CloneExpr(inner.Start), ir.CloneExpr(inner.Stop)),
		Then: &ir.Block{Stmts: append(hoisted, inner)}, Pos: inner.Pos}
	parent.Stmts = []ir.Stmt{guard}
}
