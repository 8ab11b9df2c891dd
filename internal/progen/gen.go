package progen

import (
	"fmt"
	"math"
	"math/rand"
)

// Bounds on Python int values. Every int variable holds a value of
// magnitude at most varBound (verify's int arguments are within 10**6), an
// expression may reach exprBound, and an assignment whose right side may
// exceed varBound reduces it modulo a constant first: so CPython's
// arbitrary-precision ints never leave int64, where pyc2go's wrap by
// design. An int compared with a float stays within 2**53, below which
// pyc2go's int-to-float comparison is exact.
const (
	varBound   = 1 << 20
	exprBound  = 1 << 62
	floatExact = 1 << 53
)

// Config sizes generated programs.
type Config struct {
	Funcs int // functions per program (default 4)
	Stmts int // statements per function body, roughly (default 8)
	Depth int // expression depth (default 3)
}

func (c Config) withDefaults() Config {
	if c.Funcs == 0 {
		c.Funcs = 4
	}
	if c.Stmts == 0 {
		c.Stmts = 5
	}
	if c.Depth == 0 {
		c.Depth = 3
	}
	return c
}

// Generate writes the random program of seed.
func Generate(seed int64, cfg Config) *Program {
	cfg = cfg.withDefaults()
	g := &gen{r: rand.New(rand.NewSource(seed)), cfg: cfg}
	p := &Program{Seed: seed}
	for i := 0; i < cfg.Funcs; i++ {
		f := g.function(fmt.Sprintf("fn%d", i), p.Funcs)
		p.Funcs = append(p.Funcs, f)
	}
	return p
}

type gen struct {
	r   *rand.Rand
	cfg Config
	// The function being generated.
	fn      *Func
	vars    map[Type][]string // assignable locals by type
	params  map[Type][]string // scalar parameters by type
	arrays  map[string]bool   // array parameters
	nonzero map[string]bool   // arrays a guard proved non-empty here
	loops   int               // enclosing loops
	loopVar []string          // read-only range variables in scope
	callees []*Func
	fresh   int
}

func (g *gen) pick(n int) int { return g.r.Intn(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func pickS[T any](g *gen, xs []T) T { return xs[g.r.Intn(len(xs))] }

var kinds = []Type{I8, I16, I32, U8, U16, U32, U64, F32}

func (g *gen) function(name string, callees []*Func) *Func {
	f := &Func{Name: name}
	g.fn, g.callees = f, callees
	g.vars, g.params = map[Type][]string{}, map[Type][]string{}
	g.arrays, g.nonzero = map[string]bool{}, map[string]bool{}
	g.loops, g.loopVar, g.fresh = 0, nil, 0
	f.Params = []Param{{Name: "a", Annot: "int", T: Int}, {Name: "x", Annot: "float", T: Float}}
	if g.chance(0.5) {
		f.Params = append(f.Params, Param{Name: "b", Annot: "int", T: Int})
	}
	if g.chance(0.3) {
		f.Params = append(f.Params, Param{Name: "y", Annot: "float", T: Float})
	}
	nk := g.pick(3)
	for i := 0; i < nk; i++ {
		t := pickS(g, kinds)
		f.Params = append(f.Params, Param{Name: fmt.Sprintf("p%d", i), Annot: t.String(), T: t})
	}
	for _, a := range []struct{ name, annot string }{{"v", `"float64[:]"`}, {"w", `"int64[:]"`}, {"m", `"float64[:, :]"`}} {
		if g.chance(0.35) {
			f.Params = append(f.Params, Param{Name: a.name, Annot: a.annot, Array: a.name})
			g.arrays[a.name] = true
		}
	}
	for _, p := range f.Params {
		if p.Array == "" {
			g.params[p.T] = append(g.params[p.T], p.Name)
		}
	}
	// Results: a scalar, sometimes a pair.
	f.Result = []Type{g.someType()}
	if g.chance(0.2) {
		f.Result = append(f.Result, g.someType())
	}
	// Locals, each initialised first so that every path defines them.
	local := func(t Type, name string, init *Expr) {
		g.vars[t] = append(g.vars[t], name)
		f.Body = append(f.Body, &Stmt{Fmt: name + " = %s", Exprs: []*Expr{init}, Keep: true})
	}
	local(Int, "n0", g.fitInt(g.expr(Int, 1)))
	local(Int, "n1", lit(Int, "0", 0))
	local(Float, "f0", g.expr(Float, 1))
	local(Bool, "c0", g.expr(Bool, 1))
	for _, p := range f.Params {
		if p.Array == "" && p.T.isKind() && len(g.vars[p.T]) == 0 {
			local(p.T, "q"+p.Name[1:], &Expr{T: p.T, Fmt: p.Name})
		}
	}
	for _, t := range f.Result {
		if t.isKind() && len(g.vars[t]) == 0 {
			local(t, fmt.Sprintf("r%d", int(t)), g.kindConst(t))
		}
	}
	f.Body = append(f.Body, g.stmts(g.cfg.Stmts, 0)...)
	f.Body = append(f.Body, g.ret(true))
	return f
}

// someType is a result or variable type, weighted toward ints and kinds.
func (g *gen) someType() Type {
	switch g.pick(6) {
	case 0, 1:
		return Int
	case 2:
		return Float
	case 3:
		return Bool
	}
	return pickS(g, kinds)
}

func (g *gen) ret(keep bool) *Stmt {
	var es []*Expr
	var fs []string
	for _, t := range g.fn.Result {
		e := g.expr(t, g.cfg.Depth)
		if t == Int {
			e = g.fitInt(e)
		}
		es = append(es, e)
		fs = append(fs, "%s")
	}
	return &Stmt{Fmt: "return " + join(fs), Exprs: es, Keep: keep}
}

func join(fs []string) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += ", "
		}
		s += f
	}
	return s
}

// fitInt reduces an int expression that may exceed varBound modulo a
// constant (of either sign: Python's % takes the divisor's sign).
func (g *gen) fitInt(e *Expr) *Expr {
	if e.B <= varBound {
		return e
	}
	m := pickS(g, []int64{7, 97, 1000, 65521, 1 << 20, -13, -1000})
	return &Expr{T: Int, Fmt: "(%s) %% " + fmt.Sprint(m), Args: []*Expr{e}, B: math.Abs(float64(m))}
}

func lit(t Type, s string, b float64) *Expr { return &Expr{T: t, Fmt: esc(s), B: b} }

func (g *gen) stmts(n, depth int) []*Stmt {
	var out []*Stmt
	for i := 0; i < n; i++ {
		out = append(out, g.stmt(depth)...)
	}
	return out
}

func (g *gen) block(depth int) []*Stmt { return g.stmts(1+g.pick(3), depth+1) }

func (g *gen) stmt(depth int) []*Stmt {
	k := g.pick(20)
	if depth >= 3 && k >= 8 {
		k = g.pick(8)
	}
	switch k {
	case 0, 1, 2, 3:
		return g.assign()
	case 4, 5:
		return g.augAssign()
	case 6:
		if g.loops > 0 {
			return []*Stmt{{Fmt: "if %s:", Exprs: []*Expr{g.expr(Bool, 2)}, Blocks: []*Block{{Stmts: []*Stmt{{Fmt: pickS(g, []string{"break", "continue"})}}}}}}
		}
		return g.assign()
	case 7:
		switch g.pick(4) {
		case 0:
			return []*Stmt{{Fmt: "if %s:", Exprs: []*Expr{g.expr(Bool, 2)}, Blocks: []*Block{{Stmts: []*Stmt{g.ret(false)}}}}}
		case 1:
			return []*Stmt{{Fmt: "if %s:", Exprs: []*Expr{g.expr(Bool, 2)}, Blocks: []*Block{{Stmts: []*Stmt{{Fmt: `raise ValueError("bad value")`}}}}}}
		case 2:
			return []*Stmt{{Fmt: `assert %s, "assertion"`, Exprs: []*Expr{g.expr(Bool, 2)}}}
		}
		return g.swap()
	case 8, 9, 10:
		s := &Stmt{Fmt: "if %s:", Exprs: []*Expr{g.expr(Bool, 2)}, Blocks: []*Block{{Stmts: g.block(depth)}}}
		if g.chance(0.5) {
			s.Blocks = append(s.Blocks, &Block{Head: "else:", Stmts: g.block(depth)})
		}
		return []*Stmt{s}
	case 11, 12:
		return []*Stmt{g.forLoop(depth)}
	case 13:
		return g.whileLoop(depth)
	case 14, 15, 16:
		if s := g.arrayStmt(depth); s != nil {
			return s
		}
		return g.assign()
	case 17:
		if s := g.callStmt(); s != nil {
			return []*Stmt{s}
		}
	}
	return g.assign()
}

// assignable picks a local of a type that has one.
func (g *gen) assignable() (Type, string) {
	for {
		t := Type(g.pick(int(numTypes)))
		if vs := g.vars[t]; len(vs) > 0 {
			return t, pickS(g, vs)
		}
	}
}

func (g *gen) assign() []*Stmt {
	t, v := g.assignable()
	e := g.expr(t, g.cfg.Depth)
	if t == Int {
		e = g.fitInt(e)
	}
	return []*Stmt{{Fmt: v + " = %s", Exprs: []*Expr{e}}}
}

func (g *gen) augAssign() []*Stmt {
	t, v := g.assignable()
	var ops []string
	switch {
	case t == Int:
		ops = []string{"+=", "-=", "*=", "//=", "%=", "&=", "|=", "^=", ">>="}
	case t == Float || t == F32:
		ops = []string{"+=", "-=", "*=", "/=", "//=", "%="}
	case t == Bool:
		return g.assign()
	default:
		ops = []string{"+=", "-=", "*=", "//=", "%=", "&=", "|=", "^=", "<<=", ">>="}
	}
	op := pickS(g, ops)
	e := g.expr(t, 2)
	if t == Int {
		if op == ">>=" {
			e = g.shiftCount(false)
		}
		if op == "*=" {
			e = g.fitInt(e)
		}
		// v op e stays within exprBound; the Keep'd %= brings it back.
		if e.B > varBound {
			e = g.fitInt(e)
		}
		return []*Stmt{{Fmt: v + " " + esc(op) + " %s", Exprs: []*Expr{e}},
			{Fmt: v + " %%= " + fmt.Sprint(pickS(g, []int{65521, 1 << 20, -1000})), Keep: true}}
	}
	return []*Stmt{{Fmt: v + " " + esc(op) + " %s", Exprs: []*Expr{e}}}
}

func (g *gen) swap() []*Stmt {
	for t, vs := range g.vars {
		if len(vs) >= 2 {
			return []*Stmt{{Fmt: fmt.Sprintf("%s, %s = %s, %s", vs[0], vs[1], vs[1], vs[0])}}
		}
		_ = t
	}
	return g.assign()
}

func (g *gen) forLoop(depth int) *Stmt {
	g.fresh++
	iv := fmt.Sprintf("i%d", g.fresh)
	var head string
	var es []*Expr
	switch g.pick(4) {
	case 0:
		head = "for " + iv + " in range(%s):"
		es = []*Expr{g.smallInt()}
	case 1:
		head = "for " + iv + " in range(%s, %s):"
		es = []*Expr{g.smallInt(), g.smallInt()}
	case 2:
		head = "for " + iv + " in range(%s, %s, " + pickS(g, []string{"-1", "-2", "2", "3", "-3"}) + "):"
		es = []*Expr{g.smallInt(), g.smallInt()}
	default:
		head = "for " + iv + " in range(%s, -3, -1):"
		es = []*Expr{g.smallInt()}
	}
	g.loops++
	g.loopVar = append(g.loopVar, iv)
	body := g.block(depth)
	g.loopVar = g.loopVar[:len(g.loopVar)-1]
	g.loops--
	s := &Stmt{Fmt: head, Exprs: es, Blocks: []*Block{{Stmts: body}}}
	if g.chance(0.3) {
		s.Blocks = append(s.Blocks, &Block{Head: "else:", Stmts: g.block(depth)})
	}
	return s
}

// smallInt is an int in [-13, 13] built from an arbitrary int expression.
func (g *gen) smallInt() *Expr {
	if g.chance(0.4) {
		return lit(Int, fmt.Sprint(g.pick(12)-2), 12)
	}
	return &Expr{T: Int, Fmt: "%s %% 13", Args: []*Expr{g.expr(Int, 2)}, B: 13}
}

func (g *gen) whileLoop(depth int) []*Stmt {
	g.fresh++
	k := fmt.Sprintf("k%d", g.fresh)
	init := &Stmt{Fmt: k + " = 0", Keep: true}
	g.loops++
	body := append([]*Stmt{{Fmt: k + " += 1", Keep: true}}, g.block(depth)...)
	g.loops--
	s := &Stmt{Fmt: "while " + k + " < " + fmt.Sprint(1+g.pick(9)) + " and %s:", Exprs: []*Expr{g.expr(Bool, 2)}, Blocks: []*Block{{Stmts: body}}}
	if g.chance(0.3) {
		s.Blocks = append(s.Blocks, &Block{Head: "else:", Stmts: g.block(depth)})
	}
	return []*Stmt{init, s}
}

// arrayStmt writes to an array parameter under a guard that it is not
// empty, or reads a reduction into a local.
func (g *gen) arrayStmt(depth int) []*Stmt {
	var names []string
	for _, n := range []string{"v", "w", "m"} {
		if g.arrays[n] {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil
	}
	a := pickS(g, names)
	if g.nonzero[a] {
		return []*Stmt{g.arrayWrite(a)}
	}
	guard := "if len(" + a + ") > 0:"
	if a == "m" {
		guard = "if m.shape[0] > 0 and m.shape[1] > 0:"
	}
	g.nonzero[a] = true
	body := []*Stmt{g.arrayWrite(a)}
	body = append(body, g.block(depth)...)
	g.nonzero[a] = false
	return []*Stmt{{Fmt: guard, Blocks: []*Block{{Stmts: body}}}}
}

func (g *gen) index(a string) *Expr {
	if g.chance(0.3) {
		return lit(Int, pickS(g, []string{"0", "-1", "len(" + a + ") - 1", "len(" + a + ") // 2"}), 4096)
	}
	return &Expr{T: Int, Fmt: "(%s) %% len(" + a + ")", Args: []*Expr{g.expr(Int, 2)}, B: 4096}
}

func (g *gen) mindex() (*Expr, *Expr) {
	return &Expr{T: Int, Fmt: "(%s) %% m.shape[0]", Args: []*Expr{g.expr(Int, 1)}, B: 4096},
		&Expr{T: Int, Fmt: "(%s) %% m.shape[1]", Args: []*Expr{g.expr(Int, 1)}, B: 4096}
}

func (g *gen) arrayWrite(a string) *Stmt {
	switch a {
	case "v":
		switch g.pick(6) {
		case 0:
			return &Stmt{Fmt: "v[%s] = %s", Exprs: []*Expr{g.index("v"), g.expr(Float, 2)}}
		case 1:
			return &Stmt{Fmt: "v[%s] += %s", Exprs: []*Expr{g.index("v"), g.expr(Float, 2)}}
		case 2:
			return &Stmt{Fmt: "v[::-2] *= %s", Exprs: []*Expr{g.expr(Float, 1)}}
		case 3:
			return &Stmt{Fmt: "v[1:] += v[:-1]"}
		case 4:
			return &Stmt{Fmt: "v.fill(%s)", Exprs: []*Expr{g.expr(Float, 1)}}
		}
		return &Stmt{Fmt: "v[%s:] = %s", Exprs: []*Expr{g.index("v"), g.expr(Float, 1)}}
	case "w":
		switch g.pick(4) {
		case 0:
			return &Stmt{Fmt: "w[%s] = %s", Exprs: []*Expr{g.index("w"), g.expr(Int, 2)}}
		case 1:
			return &Stmt{Fmt: "w[%s] -= %s", Exprs: []*Expr{g.index("w"), g.expr(Int, 2)}}
		case 2:
			return &Stmt{Fmt: "w[::-1] = w[::-1] // 3"}
		}
		return &Stmt{Fmt: "w[%s] %%= 7", Exprs: []*Expr{g.index("w")}}
	}
	i, j := g.mindex()
	switch g.pick(3) {
	case 0:
		return &Stmt{Fmt: "m[%s, %s] = %s", Exprs: []*Expr{i, j, g.expr(Float, 2)}}
	case 1:
		return &Stmt{Fmt: "m[0, :] = m[%s]", Exprs: []*Expr{i}}
	}
	return &Stmt{Fmt: "m[:, %s] *= %s", Exprs: []*Expr{j, g.expr(Float, 1)}}
}

// callStmt calls an earlier function with a tuple result.
func (g *gen) callStmt() *Stmt {
	for _, f := range g.callees {
		if len(f.Result) != 2 || !g.canCall(f) {
			continue
		}
		var dsts []string
		for _, t := range f.Result {
			vs := g.vars[t]
			if len(vs) == 0 {
				return nil
			}
			dsts = append(dsts, pickS(g, vs))
		}
		if dsts[0] == dsts[1] {
			return nil
		}
		call, args := g.call(f)
		s := &Stmt{Fmt: dsts[0] + ", " + dsts[1] + " = " + call, Exprs: args}
		if f.Result[0] == Int || f.Result[1] == Int {
			// The callee's ints are within varBound already.
			return s
		}
		return s
	}
	return nil
}

func (g *gen) canCall(f *Func) bool {
	for _, p := range f.Params {
		if p.Array != "" && !g.arrays[p.Array] {
			return false
		}
	}
	return true
}

// call renders a call of f with generated arguments, by keyword now and
// then.
func (g *gen) call(f *Func) (string, []*Expr) {
	var fs []string
	var args []*Expr
	kw := g.chance(0.3)
	for _, p := range f.Params {
		prefix := ""
		if kw {
			prefix = p.Name + "="
		}
		if p.Array != "" {
			fs = append(fs, prefix+p.Array)
			continue
		}
		e := g.expr(p.T, 2)
		if p.T == Int {
			e = g.fitInt(e)
		}
		fs = append(fs, prefix+"%s")
		args = append(args, e)
	}
	return f.Name + "(" + join(fs) + ")", args
}
