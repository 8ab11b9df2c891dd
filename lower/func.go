package lower

import (
	"fmt"
	"strconv"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// fnLowerer lowers one function. Statements go to *cur, the block being
// built; expression lowering appends the checks and temporaries an
// expression needs there before returning the pure value.
type fnLowerer struct {
	ml   *modLowerer
	info *typeinfer.Info
	tf   *typeinfer.Func
	fn   *ir.Func

	vars  map[*typeinfer.Local][]*ir.Var // one var per scalar, one per element for tuples
	names map[string]bool                // every IR name in use, Python locals included
	ntemp int

	cur   *[]ir.Stmt
	loops []*loopCtx

	// badReads holds the Python names that are read somewhere a for loop's
	// induction value is not guaranteed to be what the read sees (after the
	// loop, or in a loop body that reassigns it): loops over such names use
	// a hidden induction variable.
	badReads map[string]bool

	// Element mode (fuse.go): while elem is non-nil, expr answers the
	// mapped leaves of a fused array expression from elem, typeOf answers
	// an array expression's element type, and npMode makes arithmetic
	// follow numpy (no ZeroDivisionError).
	elem   map[ast.Expr]ir.Expr
	npMode bool
	// extraTypes types the synthetic nodes lower makes (a op= b as a op b);
	// presetLeaf maps an expression already lowered to its array.
	extraTypes map[ast.Expr]ir.Type
	presetLeaf map[ast.Expr]*ir.Var
	// augOut is the synthetic node of the array augmented assignment being
	// lowered: its broadcast message lists the output operand too.
	augOut ast.Expr
	// nonneg holds the induction variables of enclosing range loops that
	// start at a non-negative constant and count up.
	nonneg map[*ir.Var]bool
	// try is the try/except state (try.go), nil until the first try.
	try *tryState
}

// loopCtx is an enclosing loop; brk, when set, is the flag a Python break
// sets so that the loop's else clause is skipped.
type loopCtx struct{ brk *ir.Var }

func newFnLowerer(ml *modLowerer, tf *typeinfer.Func) *fnLowerer {
	l := &fnLowerer{
		ml: ml, info: ml.info, tf: tf, fn: ml.funcs[tf],
		vars:  map[*typeinfer.Local][]*ir.Var{},
		names: map[string]bool{},
	}
	return l
}

func (l *fnLowerer) lower() {
	f := l.fn
	f.Locals = nil
	for i, p := range l.tf.Params {
		l.names[p.Name] = true
		for _, v := range l.ml.params[l.tf][i] {
			l.names[v.Name] = true
		}
		l.vars[p] = l.ml.params[l.tf][i]
	}
	// Reserve every Python local's name first so temporaries never take
	// one, then declare them in order of first definition.
	for _, loc := range l.tf.Locals {
		l.names[loc.Name] = true
	}
	for _, loc := range l.tf.Locals {
		if tt, ok := loc.Type.(*ir.Tuple); ok {
			var vs []*ir.Var
			for i, et := range flatTypes(tt) {
				vs = append(vs, l.newVar(loc.Name+"_"+strconv.Itoa(i), et))
			}
			l.vars[loc] = vs
			continue
		}
		if _, isFn := loc.Type.(*ir.FuncValue); isFn {
			// A function value made here: its captures are read where it
			// is used (values.go captures); nothing to store.
			continue
		}
		if isMulti(loc.Type) {
			// An optional (values.go): the value under the Python name,
			// then the None flag.
			var vs []*ir.Var
			for i, t := range flatTypes(loc.Type) {
				name := loc.Name
				if i > 0 {
					name += "_none"
				}
				if i == 0 {
					v := &ir.Var{Name: name, Type: t, Nullable: isOptionalArray(loc.Type), Named: true}
					f.Locals = append(f.Locals, v)
					vs = append(vs, v)
					continue
				}
				vs = append(vs, l.newVar(name, t))
			}
			l.vars[loc] = vs
			continue
		}
		t := loc.Type
		if lt, ok := t.(*ir.List); ok {
			t = &ir.List{Elem: lt.Elem} // its own: defaultListElems may fill it in
		}
		v := &ir.Var{Name: loc.Name, Type: t, Named: true}
		f.Locals = append(f.Locals, v)
		l.vars[loc] = []*ir.Var{v}
	}
	l.badReads = badLoopReads(l.tf.Def.Body)

	var body []ir.Stmt
	l.cur = &body
	l.stmts(l.tf.Def.Body, true)
	if _, opt := l.tf.Result.(*ir.Optional); opt && !typeinfer.BlockEnds(l.tf.Def.Body) {
		// Falling off the end returns None.
		l.emit(&ir.Return{Values: l.noneValues(l.tf.Result), Pos: l.pos(l.tf.Def)})
	}
	f.Body = &ir.Block{Stmts: body}
	defaultListElems(f) // list.go
}

// newVar declares a local named name, or name_2, name_3, ... when taken.
func (l *fnLowerer) newVar(name string, t ir.Type) *ir.Var {
	n := name
	for i := 2; l.names[n]; i++ {
		n = name + "_" + strconv.Itoa(i)
	}
	l.names[n] = true
	v := &ir.Var{Name: n, Type: t}
	l.fn.Locals = append(l.fn.Locals, v)
	return v
}

// hiddenVar declares the hidden induction variable of a loop over name:
// name_1, or name_2, ... when taken.
func (l *fnLowerer) hiddenVar(name string) *ir.Var {
	for i := 1; ; i++ {
		n := name + "_" + strconv.Itoa(i)
		if !l.names[n] {
			return l.newVar(n, ir.Int64)
		}
	}
}

// temp declares a fresh temporary t1, t2, ... skipping Python names.
func (l *fnLowerer) temp(t ir.Type) *ir.Var {
	for {
		l.ntemp++
		n := "t" + strconv.Itoa(l.ntemp)
		if !l.names[n] {
			return l.newVar(n, t)
		}
	}
}

// spill assigns e to a fresh temporary and returns a reference to it.
func (l *fnLowerer) spill(e ir.Expr, pos ir.Pos) ir.Expr {
	t := l.temp(e.Type())
	l.emit(&ir.Assign{Dst: t, Src: e, Pos: pos})
	return ir.Ref(t)
}

// simple returns e if it is cheap to repeat, else spills it.
func (l *fnLowerer) simple(e ir.Expr, pos ir.Pos) ir.Expr {
	if isSimple(e) {
		return e
	}
	return l.spill(e, pos)
}

func (l *fnLowerer) emit(s ir.Stmt) { *l.cur = append(*l.cur, s) }

// block runs fn with a fresh current block and returns what it emitted.
func (l *fnLowerer) block(fn func()) []ir.Stmt {
	saved := l.cur
	var out []ir.Stmt
	l.cur = &out
	defer func() { l.cur = saved }()
	fn()
	return out
}

func (l *fnLowerer) check(cond ir.Expr, exc, msg string, pos ir.Pos) {
	l.emit(&ir.Check{Cond: cond, Exc: exc, Msg: msg, Pos: pos})
}

func (l *fnLowerer) pos(n ast.Ast) ir.Pos { return irPos(l.info.File.Pos(n)) }

func (l *fnLowerer) errorf(n ast.Ast, format string, args ...any) {
	panic(srcError{pos: l.info.File.Pos(n), msg: fmt.Sprintf(format, args...)})
}

// typeOf returns the type typeinfer recorded for e.
func (l *fnLowerer) typeOf(e ast.Expr) ir.Type {
	t, ok := l.info.Types[e]
	if !ok {
		t, ok = l.extraTypes[e]
	}
	if a, isArr := t.(*ir.Array); isArr && l.elem != nil {
		return a.Elem
	}
	if !ok || t == nil {
		panic(fmt.Sprintf("%s: no type recorded for %T", l.info.File.Pos(e), e))
	}
	return t
}

func (l *fnLowerer) scalarOf(e ast.Expr) ir.Scalar {
	t := l.typeOf(e)
	s, ok := t.(ir.Scalar)
	if !ok {
		l.errorf(e, "unsupported: a %s value here; only scalars are supported", t)
	}
	return s
}

// local returns the typeinfer local a Name refers to (for stores, where
// Uses may not record the name, through the function's scope).
func (l *fnLowerer) local(n *ast.Name) *typeinfer.Local {
	if obj, ok := l.info.Uses[n]; ok {
		if loc, ok := obj.(*typeinfer.Local); ok {
			return loc
		}
	}
	if loc := l.tf.Scope[string(n.Id)]; loc != nil {
		return loc
	}
	for _, p := range l.tf.Params {
		if p.Name == string(n.Id) {
			return p
		}
	}
	for _, loc := range l.tf.Locals {
		if loc.Name == string(n.Id) {
			return loc
		}
	}
	l.errorf(n, "unsupported: name '%s' is not a local variable", n.Id)
	return nil
}

// scalarVar returns the IR variable of a scalar local.
func (l *fnLowerer) scalarVar(n *ast.Name) *ir.Var {
	vs := l.vars[l.local(n)]
	if len(vs) != 1 || l.local(n).Type != vs[0].Type {
		if _, ok := l.local(n).Type.(*ir.Tuple); ok {
			l.errorf(n, "unsupported: tuple variable '%s' used as a scalar", n.Id)
		}
	}
	if len(vs) == 0 {
		l.errorf(n, "unsupported: variable '%s'", n.Id)
	}
	return vs[0]
}

// badLoopReads returns the names read somewhere other than inside the body
// of a for loop that targets them and never reassigns them: only there is
// the value certainly the loop's current iteration value, so only names not
// in this set may serve as an IR For's induction variable directly.
func badLoopReads(body []ast.Stmt) map[string]bool {
	bad := map[string]bool{}
	var stack []*ast.For // enclosing for loops
	covered := func(name string) bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if t, ok := stack[i].Target.(*ast.Name); ok && string(t.Id) == name {
				return !assignedIn(stack[i].Body)[name]
			}
		}
		return false
	}
	var expr func(e ast.Expr)
	expr = func(e ast.Expr) {
		ast.Walk(e, func(n ast.Ast) bool {
			if nm, ok := n.(*ast.Name); ok && nm.Ctx != ast.Store && !covered(string(nm.Id)) {
				bad[string(nm.Id)] = true
			}
			return true
		})
	}
	var stmts func([]ast.Stmt)
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.For:
				expr(s.Iter)
				stack = append(stack, s)
				stmts(s.Body)
				stack = stack[:len(stack)-1]
				stmts(s.Orelse)
			case *ast.While:
				expr(s.Test)
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.If:
				expr(s.Test)
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			case *ast.AugAssign:
				if nm, ok := s.Target.(*ast.Name); ok && !covered(string(nm.Id)) {
					bad[string(nm.Id)] = true
				}
				expr(s.Target)
				expr(s.Value)
			case *ast.Assign:
				for _, t := range s.Targets {
					expr(t)
				}
				expr(s.Value)
			case *ast.Return:
				if s.Value != nil {
					expr(s.Value)
				}
			case *ast.ExprStmt:
				expr(s.Value)
			case *ast.Assert:
				expr(s.Test)
			case *ast.Raise:
				if s.Exc != nil {
					expr(s.Exc)
				}
			}
		}
	}
	stmts(body)
	return bad
}

// assignedIn returns the names the statements assign, nested ones included.
func assignedIn(body []ast.Stmt) map[string]bool {
	m := map[string]bool{}
	var target func(e ast.Expr)
	target = func(e ast.Expr) {
		switch t := e.(type) {
		case *ast.Name:
			m[string(t.Id)] = true
		case *ast.Tuple:
			for _, x := range t.Elts {
				target(x)
			}
		case *ast.List:
			for _, x := range t.Elts {
				target(x)
			}
		}
	}
	var stmts func([]ast.Stmt)
	stmts = func(ss []ast.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Assign:
				for _, t := range s.Targets {
					target(t)
				}
			case *ast.AugAssign:
				target(s.Target)
			case *ast.For:
				target(s.Target)
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.While:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.If:
				stmts(s.Body)
				stmts(s.Orelse)
			case *ast.Try:
				stmts(s.Body)
				for _, h := range s.Handlers {
					stmts(h.Body)
				}
				stmts(s.Orelse)
				stmts(s.Finalbody)
			}
		}
	}
	stmts(body)
	return m
}

var _ = frontend.Pos{}
