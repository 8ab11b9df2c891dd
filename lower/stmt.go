package lower

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

func (l *fnLowerer) stmts(ss []ast.Stmt, fnBody bool) {
	for _, s := range ss {
		if es, ok := s.(*ast.ExprStmt); ok {
			if _, ok := es.Value.(*ast.Str); ok {
				// The docstring (typeinfer records it); frontend rejects
				// any other string statement.
				continue
			}
		}
		l.stmt(s)
		if l.info.Cut[s] {
			return // the rest cannot run (typeinfer/none.go)
		}
	}
}

func (l *fnLowerer) stmt(s ast.Stmt) {
	if l.tryHook(s) { // try.go
		return
	}
	pos := l.pos(s)
	switch s := s.(type) {
	case *ast.Pass, *ast.Import, *ast.ImportFrom:
		// Pass also stands in for a bare annotation `x: T`; imports
		// inside a function only bind names (typeinfer resolved them).
	case *ast.Assign:
		l.assign(s)
	case *ast.AugAssign:
		l.augAssign(s)
	case *ast.ExprStmt:
		if call, ok := s.Value.(*ast.Call); ok {
			if ci := l.info.Calls[call]; ci != nil && ci.Kind == typeinfer.CallFunc {
				l.callFunc(call, ci, nil, true)
				return
			}
			if ci := l.info.Calls[call]; ci != nil && ci.Kind == typeinfer.CallMethod && ci.Recv != nil {
				if _, ok := l.listType(ci.Recv); ok {
					l.listMethod(call, ci) // list.go
					return
				}
			}
			if ci := l.info.Calls[call]; isLinalgCall(ci) {
				l.linalgCall(call, ci) // for its exceptions
				return
			}
			if ci := l.info.Calls[call]; isRandomCall(ci) {
				l.randomStmt(call, ci)
				return
			}
			if ci := l.info.Calls[call]; ci != nil && ci.Row != nil && npLowerings[ci.Row.Name].stmt != nil {
				npLowerings[ci.Row.Name].stmt(l, ci, pos)
				return
			}
		}
		if _, ok := l.typeOf(s.Value).(*ir.Tuple); ok {
			l.tuple(s.Value)
			return
		}
		l.expr(s.Value) // evaluated for its checks; the value is dropped
	case *ast.If:
		if v, ok := l.info.Static[s.Test]; ok {
			// typeinfer knows the test (none.go) and checked only the
			// branch it leaves.
			if v {
				l.stmts(s.Body, false)
			} else {
				l.stmts(s.Orelse, false)
			}
			return
		}
		if p := l.pos(s.Test); p.Line != pos.Line {
			pos = p // gpython places an elif before its line; use the test's position
		}
		cond := l.cond(s.Test)
		then := l.block(func() { l.stmts(s.Body, false) })
		els := l.block(func() { l.stmts(s.Orelse, false) })
		st := &ir.If{Cond: cond, Then: &ir.Block{Stmts: then}, Pos: pos}
		if len(els) > 0 {
			st.Else = &ir.Block{Stmts: els}
		}
		l.emit(st)
	case *ast.While:
		l.while(s)
	case *ast.For:
		l.forStmt(s)
	case *ast.Break:
		if n := len(l.loops); n > 0 && l.loops[n-1].brk != nil {
			l.emit(&ir.Assign{Dst: l.loops[n-1].brk, Src: ir.BoolConst(true), Pos: pos})
		}
		l.emit(&ir.Break{Pos: pos})
	case *ast.Continue:
		l.emit(&ir.Continue{Pos: pos})
	case *ast.Return:
		l.ret(s)
	case *ast.Raise:
		exc, msg := l.exception(s.Exc)
		l.emit(&ir.Raise{Exc: exc, Msg: msg, Pos: pos})
	case *ast.Assert:
		cond := l.cond(s.Test)
		msg := ""
		if s.Msg != nil {
			str, ok := s.Msg.(*ast.Str)
			if !ok {
				l.errorf(s.Msg, "unsupported: assert message must be a string literal")
			}
			msg = string(str.S)
		}
		l.check(cond, "AssertionError", msg, pos)
	default:
		l.errorf(s, "unsupported: statement %T", s)
	}
}

// exception returns the class and message of `raise X("msg")` / `raise X`.
func (l *fnLowerer) exception(e ast.Expr) (string, string) {
	switch e := e.(type) {
	case *ast.Name:
		return string(e.Id), ""
	case *ast.Call:
		name, ok := e.Func.(*ast.Name)
		if !ok || len(e.Keywords) > 0 || len(e.Args) > 1 {
			break
		}
		if len(e.Args) == 0 {
			return string(name.Id), ""
		}
		if str, ok := e.Args[0].(*ast.Str); ok {
			return string(name.Id), string(str.S)
		}
		l.errorf(e.Args[0], "unsupported: exception message must be a string literal")
	}
	l.errorf(e, "unsupported: raise needs an exception class called with a string literal")
	return "", ""
}

func (l *fnLowerer) assign(s *ast.Assign) {
	pos := l.pos(s)
	if len(s.Targets) == 1 {
		l.assignTo(s.Targets[0], s.Value, pos)
		return
	}
	// a = b = v: Python evaluates v once, then assigns left to right.
	if _, ok := l.typeOf(s.Value).(*ir.Tuple); ok {
		vals := l.tuple(s.Value)
		for i, v := range vals {
			vals[i] = l.simple(v, pos)
		}
		for _, t := range s.Targets {
			l.storeValues(t, vals, pos)
		}
		return
	}
	v := l.simple(l.expr(s.Value), pos)
	for _, t := range s.Targets {
		if sub, ok := t.(*ast.Subscript); ok {
			if _, isL := l.listType(sub.Value); isL {
				l.listStoreValue(sub, v, pos) // list.go
				continue
			}
		}
		l.storeValues(t, []ir.Expr{v}, pos)
	}
}

// targetVars returns the IR variables a target (a name, a tuple of names,
// or a tuple-typed name) stores into, in order.
func (l *fnLowerer) targetVars(t ast.Expr) []*ir.Var {
	switch t := t.(type) {
	case *ast.Name:
		return l.vars[l.local(t)]
	case *ast.Tuple:
		// Nested targets take their share of the flat values.
		var out []*ir.Var
		for _, x := range t.Elts {
			out = append(out, l.targetVars(x)...)
		}
		return out
	case *ast.List:
		return l.targetVars(&ast.Tuple{Elts: t.Elts})
	}
	l.errorf(t, "unsupported: assignment target %T (arrays are not supported yet)", t)
	return nil
}

func (l *fnLowerer) assignTo(target, value ast.Expr, pos ir.Pos) {
	if l.assignGenerator(target, value) {
		return
	}
	if sub, ok := target.(*ast.Subscript); ok && l.isArrayExpr(sub.Value) {
		l.storeSubscript(sub, value, pos)
		return
	}
	if sub, ok := target.(*ast.Subscript); ok {
		if _, isL := l.listType(sub.Value); isL {
			l.listStore(sub, value, nil, pos) // list.go
			return
		}
	}
	if n, ok := target.(*ast.Name); ok {
		if vs := l.vars[l.local(n)]; len(vs) == 1 {
			// (A 1-tuple holding an array, np.nonzero of a vector, is
			// one variable too, assigned as a tuple.)
			if _, isTup := l.local(n).Type.(*ir.Tuple); !isTup && isArrayType(vs[0].Type) {
				l.assignArray(vs[0], value, pos)
				return
			}
		}
	}
	if n, ok := target.(*ast.Name); ok {
		if _, isFn := l.local(n).Type.(*ir.FuncValue); isFn {
			return // f = lambda ...: nothing to store (values.go captures)
		}
		if t := l.local(n).Type; isMulti(t) {
			if _, tuple := t.(*ir.Tuple); !tuple {
				// An optional variable (values.go).
				l.storeValues(target, l.values(value, t), pos)
				return
			}
		}
	}
	if _, ok := value.(*ast.Name); ok {
		if t, isL := l.listType(value); isL {
			if _, ok := target.(*ast.Name); ok {
				// b = a: a copy, so that no two variables share a list
				// (list.go).
				c := l.temp(t)
				l.listOp("copy", []*ir.Var{c}, pos, l.expr(value))
				l.storeValues(target, []ir.Expr{ir.Ref(c)}, pos)
				return
			}
		}
	}
	dsts := l.targetVars(target)
	// A call that must be a CallStmt can store straight into the targets
	// when their types are the callee's result types.
	if call, ok := value.(*ast.Call); ok {
		if ci := l.info.Calls[call]; ci != nil && ci.Kind == typeinfer.CallFunc {
			g := l.ml.funcs[ci.Func]
			rts := ir.ResultTypes(g.Result)
			direct := len(rts) == len(dsts) && (g.Raises || len(rts) != 1)
			seen := map[*ir.Var]bool{}
			for i, d := range dsts {
				direct = direct && !seen[d] && ir.Identical(d.Type, rts[i])
				seen[d] = true
			}
			if direct {
				l.callFunc(call, ci, dsts, false)
				return
			}
		}
	}
	var vals []ir.Expr
	if _, ok := l.typeOf(value).(*ir.Tuple); ok {
		vals = l.tuple(value)
	} else {
		vals = []ir.Expr{l.expr(value)}
	}
	l.storeValues(target, vals, pos)
}

// storeValues assigns vals to the target's variables as Python's tuple
// assignment does: the whole right side is evaluated first, so a value
// reading a variable that an earlier element assigns is saved in a
// temporary first (a, b = b, a % b).
func (l *fnLowerer) storeValues(target ast.Expr, vals []ir.Expr, pos ir.Pos) {
	dsts := l.targetVars(target)
	if len(dsts) != len(vals) {
		l.errorf(target, "cannot unpack %d values into %d targets", len(vals), len(dsts))
	}
	written := map[*ir.Var]bool{}
	for i, d := range dsts {
		if i > 0 && ir.ReadsAny(vals[i], written) {
			vals[i] = l.spill(vals[i], pos)
		}
		written[d] = true
	}
	// Spilling happened in order above only for values that need it; now
	// the stores.
	for i, d := range dsts {
		l.emit(&ir.Assign{Dst: d, Src: convTo(vals[i], d.Type), Pos: pos})
	}
}

func (l *fnLowerer) augAssign(s *ast.AugAssign) {
	pos := l.pos(s)
	if sub, ok := s.Target.(*ast.Subscript); ok && l.isArrayExpr(sub.Value) {
		l.augSubscript(sub, s, pos)
		return
	}
	if sub, ok := s.Target.(*ast.Subscript); ok {
		if _, isL := l.listType(sub.Value); isL {
			l.listStore(sub, s.Value, s, pos) // list.go
			return
		}
	}
	n, ok := s.Target.(*ast.Name)
	if ok {
		if vs := l.vars[l.local(n)]; len(vs) == 1 {
			// (A 1-tuple holding an array, np.nonzero of a vector, is
			// one variable too, assigned as a tuple.)
			if _, isTup := l.local(n).Type.(*ir.Tuple); !isTup && isArrayType(vs[0].Type) {
				l.fuseAug(vs[0], n, s, pos)
				return
			}
		}
	}
	if !ok {
		l.errorf(s.Target, "unsupported: augmented assignment to %T (arrays are not supported yet)", s.Target)
	}
	v := l.scalarVar(n)
	lt, _ := v.Type.(ir.Scalar)
	rt := l.scalarOf(s.Value)
	y := l.expr(s.Value)
	c, _ := y.(*ir.ConstExpr)
	res := arithResult(s.Op, lt, rt, c)
	var r ir.Expr
	if l.npScalar(s.Value) {
		r = l.numpyBinop(s.Op, ir.Ref(v), lt, y, rt, res, pos)
	} else {
		r = l.binop(s.Op, ir.Ref(v), lt, y, rt, res, pos)
	}
	l.emit(&ir.Assign{Dst: v, Src: convert(r, lt), Pos: pos})
}

func (l *fnLowerer) ret(s *ast.Return) {
	pos := l.pos(s)
	results := ir.ResultTypes(l.fn.Result)
	if _, opt := l.tf.Result.(*ir.Optional); opt {
		// None on some paths (values.go).
		var vals []ir.Expr
		if s.Value == nil {
			vals = l.noneValues(l.tf.Result)
		} else {
			vals = l.values(s.Value, l.tf.Result)
		}
		l.emit(&ir.Return{Values: vals, Pos: pos})
		return
	}
	if s.Value == nil || isNone(s.Value) {
		if len(results) != 0 {
			l.errorf(s, "unsupported: return without a value in a function returning %s", l.fn.Result)
		}
		l.emit(&ir.Return{Pos: pos})
		return
	}
	var vals []ir.Expr
	if _, ok := l.typeOf(s.Value).(*ir.Tuple); ok {
		vals = l.tuple(s.Value)
	} else {
		vals = []ir.Expr{l.expr(s.Value)}
	}
	if len(vals) != len(results) {
		l.errorf(s, "return of %d values in a function returning %s", len(vals), l.fn.Result)
	}
	for i := range vals {
		if at, ok := results[i].(*ir.Array); ok {
			if r, ok := vals[i].(*ir.VarRef); ok {
				vals[i] = ir.Ref(l.arrayAs(r.V, at, s))
			}
		}
		vals[i] = convTo(vals[i], results[i])
	}
	l.emit(&ir.Return{Values: vals, Pos: pos})
}

func isNone(e ast.Expr) bool {
	c, ok := e.(*ast.NameConstant)
	return ok && c.Value == py.None
}

// loopFlag declares and clears the flag that tells a loop's else clause
// whether a break ran; nil when there is no else or no break.
func (l *fnLowerer) loopFlag(body, orelse []ast.Stmt, pos ir.Pos) *ir.Var {
	if len(orelse) == 0 || !typeinfer.HasBreak(body) {
		return nil
	}
	f := l.newVar("brk", ir.Bool)
	l.emit(&ir.Assign{Dst: f, Src: ir.BoolConst(false), Pos: pos})
	return f
}

// loopElse emits a loop's else clause: guarded by the flag, or
// unconditionally when the loop cannot break.
func (l *fnLowerer) loopElse(flag *ir.Var, orelse []ast.Stmt, pos ir.Pos) {
	if len(orelse) == 0 {
		return
	}
	if flag == nil {
		l.stmts(orelse, false)
		return
	}
	els := l.block(func() { l.stmts(orelse, false) })
	l.emit(&ir.If{Cond: not(ir.Ref(flag)), Then: &ir.Block{Stmts: els}, Pos: pos})
}

func (l *fnLowerer) while(s *ast.While) {
	pos := l.pos(s)
	flag := l.loopFlag(s.Body, s.Orelse, pos)
	var cond ir.Expr
	condStmts := l.block(func() { cond = l.cond(s.Test) })
	l.loops = append(l.loops, &loopCtx{brk: flag})
	body := l.block(func() { l.stmts(s.Body, false) })
	l.loops = l.loops[:len(l.loops)-1]
	if c, ok := cond.(*ir.ConstExpr); ok && c.Value == true && len(condStmts) == 0 {
		cond = nil // while True
	}
	if len(condStmts) > 0 {
		// The condition needs statements: while { stmts; if !cond { break }; body }.
		stmts := append(condStmts, &ir.If{Cond: not(cond), Then: &ir.Block{Stmts: []ir.Stmt{&ir.Break{Pos: pos}}}, Pos: pos})
		body = append(stmts, body...)
		cond = nil
	}
	l.emit(&ir.While{Cond: cond, Body: &ir.Block{Stmts: body}, Pos: pos})
	l.loopElse(flag, s.Orelse, pos)
}

func (l *fnLowerer) forStmt(s *ast.For) {
	pos := l.pos(s)
	if li := l.info.Loops[s]; li != nil {
		l.forArray(s, li)
		return
	}
	if it := l.info.Iters[s.Iter]; it != nil {
		l.forGeneral(s, it) // iter.go
		return
	}
	call, ok := s.Iter.(*ast.Call)
	var ci *typeinfer.CallInfo
	if ok {
		ci = l.info.Calls[call]
	}
	if ci == nil || (ci.Name != "range" && ci.Name != "prange") {
		l.errorf(s.Iter, "unsupported: for loop over anything but range()")
	}
	target, ok := s.Target.(*ast.Name)
	if !ok {
		l.errorf(s.Target, "unsupported: for loop target %T", s.Target)
	}
	args := l.args(call, ci)
	for i, a := range args {
		if a == nil {
			l.errorf(call, "unsupported: range() argument")
		}
		args[i] = cv(a, ir.Int64)
	}
	var start, stop, step ir.Expr = ir.Int(0), nil, ir.Int(1)
	switch len(args) {
	case 1:
		stop = args[0]
	case 2:
		start, stop = args[0], args[1]
	case 3:
		start, stop, step = args[0], args[1], args[2]
	default:
		l.errorf(call, "range expected 1 to 3 arguments, got %d", len(args))
	}
	cpos := l.pos(call)
	if c, ok := step.(*ir.ConstExpr); ok {
		if c.Value == int64(0) {
			l.emit(&ir.Raise{Exc: "ValueError", Msg: "range() arg 3 must not be zero", Pos: cpos})
			return
		}
	} else {
		step = l.simple(step, cpos)
		l.check(ir.Bin(ir.Ne, step, ir.Int(0)), "ValueError", "range() arg 3 must not be zero", cpos)
	}

	v := l.scalarVar(target)
	name := string(target.Id)
	direct := ir.IsScalar(v.Type, ir.Int64) && !assignedIn(s.Body)[name] && !l.badReads[name]
	iv := v
	if !direct {
		iv = l.hiddenVar(name)
	}
	flag := l.loopFlag(s.Body, s.Orelse, pos)
	l.loops = append(l.loops, &loopCtx{brk: flag})
	if c0, ok := start.(*ir.ConstExpr); ok && c0.Value.(int64) >= 0 {
		if c1, ok := step.(*ir.ConstExpr); ok && c1.Value.(int64) > 0 {
			// iv never goes below start inside the body: array indexing
			// by it needs neither the negative check nor the wrap.
			if l.nonneg == nil {
				l.nonneg = map[*ir.Var]bool{}
			}
			l.nonneg[iv] = true
			defer delete(l.nonneg, iv)
		}
	}
	body := l.block(func() {
		if !direct {
			l.emit(&ir.Assign{Dst: v, Src: convert(ir.Ref(iv), v.Type.(ir.Scalar)), Pos: pos})
		}
		l.stmts(s.Body, false)
	})
	l.loops = l.loops[:len(l.loops)-1]
	if isPrange(call) || l.info.File.OmpFor[pos.Line] {
		l.parallelTry(body, s)
	}

	// Stop and Step must be constants or variables the body leaves alone.
	assigned := ir.Assigned(&ir.Block{Stmts: body})
	bound := func(e ir.Expr) ir.Expr {
		switch e := e.(type) {
		case *ir.ConstExpr:
			return e
		case *ir.VarRef:
			if !assigned[e.V] {
				return e
			}
		}
		return l.spill(e, cpos)
	}
	stop, step = bound(stop), bound(step)
	// Start is evaluated once, on entry: any pure expression will do.
	l.emit(&ir.For{Var: iv, Start: start, Stop: stop, Step: step, Body: &ir.Block{Stmts: body}, Pos: pos,
		Parallel: isPrange(call) || l.info.File.OmpFor[pos.Line]})
	l.loopElse(flag, s.Orelse, pos)
}

// isPrange reports whether a range call typeinfer accepted is spelled
// prange or numba.prange: typeinfer types numba.prange as range (which is
// what it is under CPython), so only the spelling tells the user asked
// for a parallel loop.
func isPrange(call *ast.Call) bool {
	switch f := call.Func.(type) {
	case *ast.Name:
		return string(f.Id) == "prange"
	case *ast.Attribute:
		return string(f.Attr) == "prange"
	}
	return false
}
