package ir

import (
	"fmt"
	"strings"
)

// Verify checks the invariants every pass must keep and returns an error
// listing each violation as want/got, followed by the printed function. It
// runs after lowering and after every pass in tests.
func Verify(m *Module) error {
	var errs []string
	for _, f := range m.Funcs {
		if err := VerifyFunc(f); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// VerifyFunc checks one function.
func VerifyFunc(f *Func) error {
	v := verifier{f: f, vars: map[*Var]bool{}, names: map[string]bool{}}
	for _, p := range f.Params {
		if !p.Param {
			v.errorf(f.Pos, "param %s: Param flag not set", p.Name)
		}
		v.declare(p)
	}
	for _, p := range f.Params {
		if _, isArr := p.Type.(*Array); p.ReadOnly && !isArr {
			v.errorf(f.Pos, "param %s: readonly, but not an array", p.Name)
		}
	}
	for _, l := range f.Locals {
		if l.Param {
			v.errorf(f.Pos, "local %s: Param flag set", l.Name)
		}
		if l.ReadOnly {
			v.errorf(f.Pos, "local %s: readonly (a parameter's mark)", l.Name)
		}
		v.declare(l)
	}
	if f.Result == nil {
		v.errorf(f.Pos, "result type: want a type, got nil")
	}
	v.signature(f)
	v.block(f.Body, 0, nil)
	if v.raises && !f.Raises {
		v.errorf(f.Pos, "func may raise (contains a check, raise or raising call) but Raises is false")
	}
	if len(v.errs) == 0 {
		return nil
	}
	return fmt.Errorf("ir: func %s:\n\t%s\n%s", f.Name, strings.Join(v.errs, "\n\t"), PrintFunc(f))
}

// signature checks the Python-visible signature: defaults have their
// parameter's type and, as in a Python def, no required positional
// parameter follows one with a default.
func (v *verifier) signature(f *Func) {
	if len(f.Defaults) > len(f.Params) {
		v.errorf(f.Pos, "defaults: want at most %d (one per parameter), got %d", len(f.Params), len(f.Defaults))
		return
	}
	if f.KwOnly < 0 || f.KwOnly > len(f.Params) {
		v.errorf(f.Pos, "kwonly: want 0..%d, got %d", len(f.Params), f.KwOnly)
		return
	}
	seen := false
	for i, p := range f.Params {
		var d *ConstExpr
		if i < len(f.Defaults) {
			d = f.Defaults[i]
		}
		switch {
		case d != nil && !Identical(d.T, p.Type):
			v.errorf(f.Pos, "default of %s: want type %s, got %s", p.Name, p.Type, d.T)
		case d != nil:
			seen = true
		case seen && i < len(f.Params)-f.KwOnly:
			v.errorf(f.Pos, "param %s: required positional parameter after one with a default", p.Name)
		}
	}
}

type verifier struct {
	f      *Func
	conc   *For // the concurrent loop being checked, if any
	vars   map[*Var]bool
	names  map[string]bool
	raises bool
	cold   bool // inside a cold loop
	errs   []string
	// handling lists the IDs of the Trys whose handlers enclose the
	// statement being checked (try.go).
	handling []int
}

func (v *verifier) errorf(pos Pos, format string, args ...any) {
	v.errs = append(v.errs, pos.String()+": "+fmt.Sprintf(format, args...))
}

func (v *verifier) declare(x *Var) {
	if x.Type == nil {
		v.errorf(v.f.Pos, "var %s: want a type, got nil", x.Name)
	}
	if v.names[x.Name] {
		v.errorf(v.f.Pos, "var %s: declared twice", x.Name)
	}
	v.names[x.Name] = true
	v.vars[x] = true
}

func (v *verifier) use(pos Pos, x *Var) {
	if x == nil {
		v.errorf(pos, "var: want a variable, got nil")
	} else if !v.vars[x] {
		v.errorf(pos, "var %s: not a parameter or local of %s", x.Name, v.f.Name)
	}
}

// block checks b; loops is the loop nesting depth and induction the
// variables of enclosing For loops, which the body must not assign.
func (v *verifier) block(b *Block, loops int, induction []*Var) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		v.stmt(s, loops, induction)
	}
}

func (v *verifier) assigns(pos Pos, x *Var, induction []*Var) {
	v.use(pos, x)
	for _, iv := range induction {
		if iv == x {
			v.errorf(pos, "assign %s: the body of a for loop must not assign its induction variable", x.Name)
		}
	}
}

func (v *verifier) stmt(s Stmt, loops int, induction []*Var) {
	pos := s.StmtPos()
	switch s := s.(type) {
	case *Assign:
		v.assigns(pos, s.Dst, induction)
		v.expr(pos, s.Src)
		if s.Dst != nil && s.Src != nil && !AssignableTo(s.Src.Type(), s.Dst.Type) {
			v.errorf(pos, "assign %s: want type %s, got %s", s.Dst.Name, s.Dst.Type, s.Src.Type())
		}
	case *Store:
		v.use(pos, s.Arr)
		v.expr(pos, s.Offset)
		v.expr(pos, s.Val)
		if s.Arr != nil && s.Arr.ReadOnly {
			v.errorf(pos, "store into %s, a readonly parameter", s.Arr.Name)
		}
		if b, ok := s.Arr.Type.(*Buffer); ok && s.Arr != nil {
			// A concurrent iteration writes its own slot, nothing else
			// writes a buffer: no two threads share an element.
			if r, isRef := s.Offset.(*VarRef); v.conc == nil || !isRef || r.V != v.conc.Var {
				v.errorf(pos, "store into buffer %s: want one at the index of the enclosing concurrent loop", s.Arr.Name)
			}
			if s.Val != nil && !Identical(b.Elem, s.Val.Type()) {
				v.errorf(pos, "store into %s: want element type %s, got %s", s.Arr.Name, b.Elem, s.Val.Type())
			}
			return
		}
		if s.Arr != nil {
			if a, ok := s.Arr.Type.(*Array); !ok {
				v.errorf(pos, "store into %s: want an array, got %s", s.Arr.Name, s.Arr.Type)
			} else if s.Val != nil && !Identical(a.Elem, s.Val.Type()) {
				v.errorf(pos, "store into %s: want element type %s, got %s", s.Arr.Name, a.Elem, s.Val.Type())
			}
		}
		v.wantType(pos, "store offset", s.Offset, Int64)
	case *CallStmt:
		v.call(pos, s.Call, false)
		if s.Call == nil || s.Call.Fn == nil {
			return
		}
		if s.Call.Fn.Raises {
			v.raises = true
		}
		results := resultTypes(s.Call.Fn.Result)
		if len(s.Dsts) != 0 && len(s.Dsts) != len(results) {
			v.errorf(pos, "call %s: want %d destinations, got %d", s.Call.Fn.Name, len(results), len(s.Dsts))
			return
		}
		for i, d := range s.Dsts {
			if d == nil {
				continue
			}
			v.assigns(pos, d, induction)
			if !AssignableTo(results[i], d.Type) {
				v.errorf(pos, "call %s: result %d into %s: want type %s, got %s", s.Call.Fn.Name, i, d.Name, d.Type, results[i])
			}
		}
	case *If:
		v.expr(pos, s.Cond)
		v.wantType(pos, "if condition", s.Cond, Bool)
		v.block(s.Then, loops, induction)
		v.block(s.Else, loops, induction)
	case *For:
		if s.Concurrent {
			v.concurrentHeader(s)
		}
		v.use(pos, s.Var)
		if s.Var != nil && !IsScalar(s.Var.Type, Int64) {
			v.errorf(pos, "for %s: want an int64 induction variable, got %s", s.Var.Name, s.Var.Type)
		}
		for _, e := range []Expr{s.Start, s.Stop, s.Step} {
			v.expr(pos, e)
			v.wantType(pos, "for bound", e, Int64)
		}
		if c, ok := s.Step.(*ConstExpr); ok && c.Value == int64(0) {
			v.errorf(pos, "for %s: step is the constant 0", s.Var.Name)
		}
		assigned := Assigned(s.Body)
		for _, e := range []Expr{s.Stop, s.Step} {
			switch e := e.(type) {
			case *ConstExpr:
			case *VarRef:
				if assigned[e.V] {
					v.errorf(pos, "for %s: bound %s is assigned in the loop body", s.Var.Name, e.V.Name)
				}
			default:
				v.errorf(pos, "for %s: bound %s: want a constant or variable", s.Var.Name, exprString(e))
			}
		}
		for _, iv := range induction {
			if iv == s.Var {
				v.errorf(pos, "for %s: nested loop reuses an enclosing induction variable", s.Var.Name)
			}
		}
		if s.Cold {
			if v.cold {
				v.errorf(pos, "cold for %s: nested in another cold loop (passes must leave a cold loop alone)", s.Var.Name)
			}
			v.cold = true
			defer func() { v.cold = false }()
		}
		v.windows(s)
		v.restrict(s)
		v.release(s)
		if s.Concurrent {
			outer := v.conc
			v.conc = s
			defer func() { v.conc = outer }()
		}
		v.block(s.Body, loops+1, append(induction[:len(induction):len(induction)], s.Var))
		if s.Par != nil {
			v.parLoop(s, Defined(s.Body))
		}
		if s.Concurrent {
			v.concurrent(s)
		}
	case *While:
		if s.Cond != nil {
			v.expr(pos, s.Cond)
			v.wantType(pos, "while condition", s.Cond, Bool)
		}
		v.block(s.Body, loops+1, induction)
	case *Free:
		v.use(pos, s.Arr)
		if s.Arr != nil {
			if _, ok := s.Arr.Type.(*Array); !ok {
				v.errorf(pos, "free %s: want an array, got %s", s.Arr.Name, s.Arr.Type)
			}
		}
	case *Break, *Continue:
		if loops == 0 {
			v.errorf(pos, "%T outside a loop", s)
		}
	case *Return:
		results := resultTypes(v.f.Result)
		if len(s.Values) != len(results) {
			v.errorf(pos, "return: want %d values, got %d", len(results), len(s.Values))
			return
		}
		for i, e := range s.Values {
			v.expr(pos, e)
			if e != nil && !AssignableTo(e.Type(), results[i]) {
				v.errorf(pos, "return value %d: want type %s, got %s", i, results[i], e.Type())
			}
		}
	case *Raise:
		v.raises = true
		if s.Exc == "" {
			v.errorf(pos, "raise: want an exception class, got none")
		}
		v.msgArgs(pos, s.Msg, s.Args)
		v.text(pos, s.Text)
	case *Check:
		v.raises = true
		v.expr(pos, s.Cond)
		v.wantType(pos, "check condition", s.Cond, Bool)
		if s.Exc == "" {
			v.errorf(pos, "check: want an exception class, got none")
		}
		v.msgArgs(pos, s.Msg, s.Args)
	case *Alloc:
		v.assigns(pos, s.Dst, induction)
		a, ok := arrayOf(s.Dst)
		if !ok {
			v.errorf(pos, "alloc %s: want an array variable", varName(s.Dst))
			return
		}
		if len(s.Shape) != a.Rank {
			v.errorf(pos, "alloc %s: want %d extents, got %d", s.Dst.Name, a.Rank, len(s.Shape))
		}
		for _, e := range s.Shape {
			v.expr(pos, e)
			v.wantType(pos, "alloc extent", e, Int64)
		}
	case *View:
		v.assigns(pos, s.Dst, induction)
		v.use(pos, s.Src)
		d, ok1 := arrayOf(s.Dst)
		src, ok2 := arrayOf(s.Src)
		if !ok1 || !ok2 {
			v.errorf(pos, "view %s of %s: want array variables", varName(s.Dst), varName(s.Src))
			return
		}
		if d.Elem != src.Elem {
			v.errorf(pos, "view %s of %s: want element type %s, got %s", s.Dst.Name, s.Src.Name, src.Elem, d.Elem)
		}
		if len(s.Shape) != d.Rank || len(s.Strides) != d.Rank {
			v.errorf(pos, "view %s: want %d extents and strides, got %d and %d", s.Dst.Name, d.Rank, len(s.Shape), len(s.Strides))
		}
		v.expr(pos, s.Offset)
		v.wantType(pos, "view offset", s.Offset, Int64)
		for _, e := range append(append([]Expr{}, s.Shape...), s.Strides...) {
			v.expr(pos, e)
			v.wantType(pos, "view extent or stride", e, Int64)
		}
	case *Random:
		v.random(s, induction)
	case *Try, *Reraise, *Write:
		v.tryStmt(s, loops, induction)
	default:
		v.errorf(pos, "unknown statement %T", s)
	}
}

// msgArgs checks that a message's %d and %s verbs match its arguments:
// integers for %d, arrays (printed as their shape) for %s.
func (v *verifier) msgArgs(pos Pos, msg string, args []Expr) {
	var verbs []byte
	for i := 0; i < len(msg)-1; i++ {
		if msg[i] == '%' {
			i++
			if msg[i] != '%' {
				verbs = append(verbs, msg[i])
			}
		}
	}
	if len(args) == 0 {
		return // printed as is
	}
	if len(verbs) != len(args) {
		v.errorf(pos, "message %q: want %d arguments, got %d", msg, len(verbs), len(args))
		return
	}
	for i, a := range args {
		v.expr(pos, a)
		if a == nil {
			continue
		}
		switch verbs[i] {
		case 'd':
			if s, ok := a.Type().(Scalar); !ok || !s.IsInt() {
				v.errorf(pos, "message argument %d: %%d wants an integer, got %s", i, a.Type())
			}
		case 's':
			if _, ok := a.Type().(*Array); !ok {
				v.errorf(pos, "message argument %d: %%s wants an array, got %s", i, a.Type())
			}
		default:
			v.errorf(pos, "message %q: unknown verb %%%c (want %%d or %%s)", msg, verbs[i])
		}
	}
}

func arrayOf(x *Var) (*Array, bool) {
	if x == nil {
		return nil, false
	}
	a, ok := x.Type.(*Array)
	return a, ok
}

func varName(x *Var) string {
	if x == nil {
		return "<nil>"
	}
	return x.Name
}

// resultTypes flattens a result type into the values a return carries.
func resultTypes(t Type) []Type {
	switch t := t.(type) {
	case NoneType:
		return nil
	case *Tuple:
		return t.Elems
	}
	return []Type{t}
}

// ResultTypes lists the values a function with result type t returns: none
// for None, one per element for a tuple.
func ResultTypes(t Type) []Type { return resultTypes(t) }

func (v *verifier) wantType(pos Pos, what string, e Expr, want Scalar) {
	if e != nil && !IsScalar(e.Type(), want) {
		v.errorf(pos, "%s %s: want type %s, got %s", what, exprString(e), want, e.Type())
	}
}

func (v *verifier) call(pos Pos, c *Call, asExpr bool) {
	if c == nil || c.Fn == nil {
		v.errorf(pos, "call: want a function, got nil")
		return
	}
	if asExpr {
		if c.Fn.Raises {
			v.errorf(pos, "call %s: a function that raises must be called from a CallStmt", c.Fn.Name)
		}
		if len(resultTypes(c.Fn.Result)) != 1 {
			v.errorf(pos, "call %s: a call expression needs exactly one result, got %s", c.Fn.Name, c.Fn.Result)
		}
	}
	if len(c.Args) != len(c.Fn.Params) {
		v.errorf(pos, "call %s: want %d arguments, got %d", c.Fn.Name, len(c.Fn.Params), len(c.Args))
		return
	}
	for i, a := range c.Args {
		v.expr(pos, a)
		if a != nil && !AssignableTo(a.Type(), c.Fn.Params[i].Type) {
			v.errorf(pos, "call %s: argument %s: want type %s, got %s", c.Fn.Name, c.Fn.Params[i].Name, c.Fn.Params[i].Type, a.Type())
		}
	}
}

func (v *verifier) expr(pos Pos, e Expr) {
	switch e := e.(type) {
	case nil:
		v.errorf(pos, "expression: want one, got nil")
	case *ConstExpr:
		ok := false
		switch e.Value.(type) {
		case int64:
			ok = e.T.IsInt()
		case float64:
			ok = e.T.IsFloat()
		case complex128:
			ok = e.T.IsComplex()
		case bool:
			ok = e.T == Bool
		}
		if !ok {
			v.errorf(pos, "constant of type %s: bad Go value %T", e.T, e.Value)
		}
	case *VarRef:
		v.use(pos, e.V)
		if e.V != nil {
			if _, ok := e.V.Type.(*Buffer); ok {
				v.errorf(pos, "%s: a buffer is read only through a load", e.V.Name)
			}
		}
	case *Unary:
		v.expr(pos, e.X)
		t, _ := e.X.Type().(Scalar)
		switch {
		case e.Op == Neg && !t.IsNumber(),
			e.Op == Not && t != Bool,
			e.Op == BitNot && !t.IsInt():
			v.errorf(pos, "%s%s: operand type %s", e.Op, exprString(e.X), e.X.Type())
		}
	case *Binary:
		v.expr(pos, e.X)
		v.expr(pos, e.Y)
		if e.X == nil || e.Y == nil {
			return
		}
		if !Identical(e.X.Type(), e.Y.Type()) {
			v.errorf(pos, "%s: operand types differ: %s and %s", exprString(e), e.X.Type(), e.Y.Type())
			return
		}
		t, ok := e.X.Type().(Scalar)
		if !ok {
			v.errorf(pos, "%s: want scalar operands, got %s", exprString(e), e.X.Type())
			return
		}
		bad := false
		switch e.Op {
		case Add, Sub, Mul:
			bad = !t.IsNumber()
		case Div:
			bad = !t.IsFloat() && !t.IsComplex()
		case BitAnd, BitOr, BitXor:
			bad = !t.IsInt() && t != Bool
		case Shl, Shr:
			bad = !t.IsInt()
		case AndAnd, OrOr:
			bad = t != Bool
		case Eq, Ne:
		case Lt, Le, Gt, Ge:
			bad = t.IsComplex()
		default:
			v.errorf(pos, "unknown binary operator %d", e.Op)
		}
		if bad {
			v.errorf(pos, "%s: operator %s on type %s", exprString(e), e.Op, t)
		}
	case *Convert:
		v.expr(pos, e.X)
		if e.X != nil {
			if _, ok := e.X.Type().(Scalar); !ok {
				v.errorf(pos, "%s: want a scalar operand, got %s", exprString(e), e.X.Type())
			}
		}
	case *Intrinsic:
		info := LookupIntrinsic(e.Name)
		if info == nil {
			v.errorf(pos, "unknown intrinsic %q", e.Name)
		} else if info.Arity != len(e.Args) {
			v.errorf(pos, "intrinsic %s: want %d arguments, got %d", e.Name, info.Arity, len(e.Args))
		}
		if e.T == nil {
			v.errorf(pos, "intrinsic %s: want a result type, got nil", e.Name)
		}
		for _, a := range e.Args {
			v.expr(pos, a)
		}
	case *Call:
		v.call(pos, e, true)
	case *Dim:
		v.use(pos, e.Arr)
		if e.Arr != nil {
			a, ok := e.Arr.Type.(*Array)
			if !ok {
				v.errorf(pos, "%s: want an array, got %s", exprString(e), e.Arr.Type)
			} else if e.Kind != Offset && (e.Axis < 0 || e.Axis >= a.Rank) {
				v.errorf(pos, "%s: axis out of range for rank %d", exprString(e), a.Rank)
			}
		}
	case *Load:
		v.use(pos, e.Arr)
		v.expr(pos, e.Offset)
		if e.Arr != nil {
			switch e.Arr.Type.(type) {
			case *Array, *Buffer:
			default:
				v.errorf(pos, "%s: want an array, got %s", exprString(e), e.Arr.Type)
			}
		}
		v.wantType(pos, "load offset", e.Offset, Int64)
	default:
		v.errorf(pos, "unknown expression %T", e)
	}
}

// Assigned returns the variables that b assigns anywhere, nested blocks and
// loop induction variables included.
func Assigned(b *Block) map[*Var]bool {
	m := map[*Var]bool{}
	WalkStmts(b, func(s Stmt) {
		switch s := s.(type) {
		case *Assign:
			m[s.Dst] = true
		case *CallStmt:
			for _, d := range s.Dsts {
				if d != nil {
					m[d] = true
				}
			}
		case *For:
			m[s.Var] = true
		case *Random:
			if s.Dst != nil && !isArrayVar(s.Dst) {
				m[s.Dst] = true // a scalar draw or a Generator
			}
		}
	})
	return m
}

// parLoop checks the invariants ParLoop states, which emitters rely on to
// run chunks concurrently without sharing a scalar.
func (v *verifier) parLoop(s *For, assigned map[*Var]bool) {
	pos := s.Pos
	own := map[*Var]bool{}
	for _, x := range s.Par.Private {
		v.use(pos, x)
		own[x] = true
	}
	for _, r := range s.Par.Reductions {
		v.use(pos, r.Var)
		if own[r.Var] {
			v.errorf(pos, "parallel for %s: %s is both private and a reduction", s.Var.Name, r.Var.Name)
		}
		own[r.Var] = true
		t, ok := r.Var.Type.(Scalar)
		switch {
		case !ok || !(t.IsInt() || (t.IsFloat() && (r.Op == "+" || r.Op == "-" || r.Op == "*"))):
			v.errorf(pos, "parallel for %s: reduction %s:%s of type %s", s.Var.Name, r.Var.Name, r.Op, r.Var.Type)
		case !ReductionOps[r.Op]:
			v.errorf(pos, "parallel for %s: unknown reduction operator %q", s.Var.Name, r.Op)
		}
	}
	for x := range assigned {
		if !own[x] {
			v.errorf(pos, "parallel for %s: body assigns %s, which is neither private nor a reduction", s.Var.Name, x.Name)
		}
	}
	if s.Par.Grain < 1 {
		v.errorf(pos, "parallel for %s: grain %d < 1", s.Var.Name, s.Par.Grain)
	}
	if leaves(s.Body, 0) {
		v.errorf(pos, "parallel for %s: body returns or breaks out of the loop", s.Var.Name)
	}
}

// leaves reports whether b, the body of a loop nested depth loops inside
// the one in question, returns or breaks out of that loop.
func leaves(b *Block, depth int) bool {
	if b == nil {
		return false
	}
	for _, st := range b.Stmts {
		switch st := st.(type) {
		case *Return:
			return true
		case *Break:
			if depth == 0 {
				return true
			}
		case *If:
			if leaves(st.Then, depth) || leaves(st.Else, depth) {
				return true
			}
		case *For:
			if leaves(st.Body, depth+1) {
				return true
			}
		case *While:
			if leaves(st.Body, depth+1) {
				return true
			}
		}
	}
	return false
}

// concurrentHeader declares the variables a concurrent loop declares: its
// induction variable and its locals.
func (v *verifier) concurrentHeader(s *For) {
	if s.Var != nil {
		v.declare(s.Var)
	}
	for _, l := range s.Locals {
		v.declare(l)
		if _, ok := l.Type.(*Buffer); ok {
			v.errorf(s.Pos, "concurrent for %s: local %s is a buffer", s.Var.Name, l.Name)
		}
	}
}

// concurrent checks the invariants For.Concurrent states, which emitters
// rely on to run iterations at the same time.
func (v *verifier) concurrent(s *For) {
	pos := s.Pos
	if c, ok := s.Start.(*ConstExpr); !ok || c.Value != int64(0) {
		v.errorf(pos, "concurrent for %s: want start 0, got %s", s.Var.Name, exprString(s.Start))
	}
	if c, ok := s.Step.(*ConstExpr); !ok || c.Value != int64(1) {
		v.errorf(pos, "concurrent for %s: want step 1, got %s", s.Var.Name, exprString(s.Step))
	}
	if s.Cold || s.Parallel || s.Par != nil || len(s.Windows) > 0 {
		v.errorf(pos, "concurrent for %s: cold, marked parallel, chunked or windowed", s.Var.Name)
	}
	own := map[*Var]bool{s.Var: true}
	for _, l := range s.Locals {
		own[l] = true
	}
	for x := range Defined(s.Body) {
		if !own[x] {
			v.errorf(pos, "concurrent for %s: body assigns %s, which is not its own", s.Var.Name, x.Name)
		}
	}
	WalkStmts(s.Body, func(st Stmt) {
		if l, ok := st.(*For); ok && l.Concurrent {
			v.errorf(pos, "concurrent for %s: nested concurrent loop %s", s.Var.Name, l.Var.Name)
		}
	})
	if leaves(s.Body, 0) {
		v.errorf(pos, "concurrent for %s: body returns or breaks out of the loop", s.Var.Name)
	}
}

// ReductionOps are the operators a Reduction may have.
var ReductionOps = map[string]bool{"+": true, "-": true, "*": true, "&": true, "|": true, "^": true, "min": true, "max": true}

// windows checks the Window annotations of a For loop (see Window).
func (v *verifier) windows(s *For) {
	if len(s.Windows) == 0 {
		return
	}
	pos := s.Pos
	if c, ok := s.Start.(*ConstExpr); !ok || c.Value != int64(0) {
		v.errorf(pos, "for %s with windows: want start 0, got %s", s.Var.Name, exprString(s.Start))
	}
	if c, ok := s.Step.(*ConstExpr); !ok || c.Value != int64(1) {
		v.errorf(pos, "for %s with windows: want step 1, got %s", s.Var.Name, exprString(s.Step))
	}
	written := Assigned(s.Body)
	WalkStmts(s.Body, func(st Stmt) {
		switch st := st.(type) {
		case *Alloc:
			written[st.Dst] = true
		case *View:
			written[st.Dst] = true
		}
	})
	seen := map[Window]bool{}
	for _, w := range s.Windows {
		v.use(pos, w.Arr)
		v.use(pos, w.Base)
		if w.Arr == nil || w.Base == nil {
			continue
		}
		if _, ok := w.Arr.Type.(*Array); !ok {
			v.errorf(pos, "window %s@%s: want an array, got %s", w.Arr.Name, w.Base.Name, w.Arr.Type)
		}
		if !IsScalar(w.Base.Type, Int64) {
			v.errorf(pos, "window %s@%s: want an int64 base, got %s", w.Arr.Name, w.Base.Name, w.Base.Type)
		}
		if written[w.Arr] || written[w.Base] {
			v.errorf(pos, "window %s@%s: the loop body assigns its array or base", w.Arr.Name, w.Base.Name)
		}
		if seen[w] {
			v.errorf(pos, "window %s@%s listed twice", w.Arr.Name, w.Base.Name)
		}
		seen[w] = true
	}
}

// release checks the Release list of a For loop (see For.Release): each
// is an array the body assigns, listed once, outside cold code.
func (v *verifier) release(s *For) { v.loopArrays(s, "release", s.Release, true) }

// restrict checks the Restrict list of a For loop (see For.Restrict): what
// is checkable of the contract (arrays the body does not assign, listed
// once, outside cold code), the rest being the proof of the pass that sets
// it.
func (v *verifier) restrict(s *For) { v.loopArrays(s, "restrict", s.Restrict, false) }

// loopArrays checks one of a For loop's lists of arrays (what names it in
// messages): each an array, listed once, assigned by the body exactly when
// assigned says so, and the list empty in a cold loop (v.cold is set for a
// cold loop itself and everything inside it).
func (v *verifier) loopArrays(s *For, what string, list []*Var, assigned bool) {
	if len(list) == 0 {
		return
	}
	pos := s.Pos
	if v.cold {
		v.errorf(pos, "for %s: %s in a cold loop (passes must leave a cold loop alone)", s.Var.Name, what)
	}
	defined := Defined(s.Body)
	seen := map[*Var]bool{}
	for _, x := range list {
		v.use(pos, x)
		if x == nil {
			continue
		}
		if _, ok := x.Type.(*Array); !ok {
			v.errorf(pos, "for %s: %s %s: want an array, got %s", s.Var.Name, what, x.Name, x.Type)
		}
		switch {
		case assigned && !defined[x]:
			v.errorf(pos, "for %s: %s %s: the loop body does not assign it", s.Var.Name, what, x.Name)
		case !assigned && defined[x]:
			v.errorf(pos, "for %s: %s %s: the loop body assigns it", s.Var.Name, what, x.Name)
		}
		if seen[x] {
			v.errorf(pos, "for %s: %s %s listed twice", s.Var.Name, what, x.Name)
		}
		seen[x] = true
	}
}
