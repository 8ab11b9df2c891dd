package lower

// try/except/else/finally, raise and assert with formatted messages, and
// print.
//
// A try statement becomes an ir.Try for its except clauses; else and
// finally are ordinary statements around it:
//
//	fin = false                      (with finally)
//	try O {                          (with finally)
//	    ok = false                   (with else)
//	    try I { body; ok = true } except ... { handler }
//	    if ok { else }
//	} except { if !fin { finally }; reraise O }
//	finally
//
// A return, break or continue that leaves a try with a finally runs a copy
// of the finally first, with fin set, so that an exception the copy raises
// does not run it a second time in the handler of O.

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// tryState is a function's try/except state while it is lowered.
type tryState struct {
	ids      int                      // the last Try ID given
	handling []int                    // the Trys whose handlers enclose the statement
	excs     map[*typeinfer.Local]int // `as e` names bound by enclosing handlers: their Try
	finals   []*final                 // enclosing finally clauses, innermost last
}

// final is a finally clause that control leaving its try must run.
type final struct {
	body  []ast.Stmt
	flag  *ir.Var // set while a copy runs before a return, break or continue
	loops int     // len(l.loops) at the try: breaks of deeper loops stay inside
}

func (l *fnLowerer) tries() *tryState {
	if l.try == nil {
		l.try = &tryState{excs: map[*typeinfer.Local]int{}}
	}
	return l.try
}

// tryHook lowers the statements this file handles, reporting whether s was
// one: try, raise, assert, print, and the return, break and continue that
// leave a try with a finally.
func (l *fnLowerer) tryHook(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Try:
		l.tryStmt(s)
	case *ast.Raise:
		l.raiseStmt(s)
	case *ast.Assert:
		l.assertStmt(s)
	case *ast.ExprStmt:
		call, ok := s.Value.(*ast.Call)
		if !ok || !isPrintCall(l, call) {
			return false
		}
		l.printStmt(call)
	case *ast.Return:
		ts := l.try
		if ts == nil || len(ts.finals) == 0 {
			return false
		}
		l.returnThroughFinally(s)
	case *ast.Break, *ast.Continue:
		ts := l.try
		if ts == nil || len(ts.finals) == 0 || ts.finals[len(ts.finals)-1].loops != len(l.loops) {
			return false
		}
		// The loop is outside the innermost finally (and maybe more).
		l.runFinals(func(f *final) bool { return f.loops == len(l.loops) })
		return false // the break or continue itself as usual
	default:
		return false
	}
	return true
}

// isPrintCall reports whether call is the builtin print.
func isPrintCall(l *fnLowerer, call *ast.Call) bool {
	n, ok := call.Func.(*ast.Name)
	if !ok || n.Id != "print" {
		return false
	}
	return isBuiltinUse(l, n)
}

// isBuiltinUse reports whether n names the builtin of its name (typeinfer
// records print, str and repr as Builtins), not a rebinding.
func isBuiltinUse(l *fnLowerer, n *ast.Name) bool {
	switch l.info.Uses[n].(type) {
	case nil, *typeinfer.Builtin:
		return true
	}
	return false
}

func (l *fnLowerer) tryStmt(s *ast.Try) {
	pos := l.pos(s)
	ts := l.tries()
	if len(s.Finalbody) == 0 {
		l.tryExcept(s, pos)
		return
	}
	fin := l.newVar("fin", ir.Bool)
	l.emit(&ir.Assign{Dst: fin, Src: ir.BoolConst(false), Pos: pos})
	ts.ids++
	outer := ts.ids
	f := &final{body: s.Finalbody, flag: fin, loops: len(l.loops)}
	ts.finals = append(ts.finals, f)
	body := l.block(func() { l.tryExcept(s, pos) })
	ts.finals = ts.finals[:len(ts.finals)-1]
	ts.handling = append(ts.handling, outer)
	handler := l.block(func() {
		again := l.block(func() { l.stmts(s.Finalbody, false) })
		l.emit(&ir.If{Cond: not(ir.Ref(fin)), Then: &ir.Block{Stmts: again}, Pos: pos})
		l.emit(&ir.Reraise{Try: outer, Pos: pos})
	})
	ts.handling = ts.handling[:len(ts.handling)-1]
	l.emit(&ir.Try{ID: outer, Body: &ir.Block{Stmts: body}, Handlers: []*ir.Handler{{Body: &ir.Block{Stmts: handler}}}, Pos: pos})
	l.stmts(s.Finalbody, false)
}

// tryExcept lowers the try and except clauses and the else clause of s.
func (l *fnLowerer) tryExcept(s *ast.Try, pos ir.Pos) {
	if len(s.Handlers) == 0 {
		l.stmts(s.Body, false)
		l.stmts(s.Orelse, false)
		return
	}
	ts := l.tries()
	ts.ids++
	id := ts.ids
	var ok *ir.Var
	if len(s.Orelse) > 0 {
		ok = l.newVar("noexc", ir.Bool)
		l.emit(&ir.Assign{Dst: ok, Src: ir.BoolConst(false), Pos: pos})
	}
	body := l.block(func() {
		l.stmts(s.Body, false)
		if ok != nil {
			l.emit(&ir.Assign{Dst: ok, Src: ir.BoolConst(true), Pos: pos})
		}
	})
	t := &ir.Try{ID: id, Body: &ir.Block{Stmts: body}, Pos: pos}
	for _, h := range s.Handlers {
		classes, _ := typeinfer.ExceptClasses(h.ExprType)
		var all []string
		seen := map[string]bool{}
		for _, c := range classes {
			for _, k := range ir.ExcSubclasses(c) {
				if !seen[k] {
					seen[k] = true
					all = append(all, k)
				}
			}
		}
		var bound *typeinfer.Local
		var saved int
		if h.Name != "" {
			bound = l.tf.Scope[string(h.Name)]
			saved = ts.excs[bound]
			ts.excs[bound] = id
		}
		ts.handling = append(ts.handling, id)
		hb := l.block(func() { l.stmts(h.Body, false) })
		ts.handling = ts.handling[:len(ts.handling)-1]
		if bound != nil {
			if saved == 0 {
				delete(ts.excs, bound)
			} else {
				ts.excs[bound] = saved
			}
		}
		t.Handlers = append(t.Handlers, &ir.Handler{Classes: all, Body: &ir.Block{Stmts: hb}})
		if len(classes) == 0 && h.ExprType == nil {
			break // a bare except catches everything: later clauses never run
		}
	}
	l.emit(t)
	if ok != nil {
		els := l.block(func() { l.stmts(s.Orelse, false) })
		l.emit(&ir.If{Cond: ir.Ref(ok), Then: &ir.Block{Stmts: els}, Pos: pos})
	}
}

// runFinals emits copies of the enclosing finally clauses that pick
// selects (innermost first), each with its flag set.
func (l *fnLowerer) runFinals(pick func(*final) bool) {
	ts := l.try
	saved := ts.finals
	for i := len(saved) - 1; i >= 0; i-- {
		f := saved[i]
		if !pick(f) {
			break
		}
		ts.finals = saved[:i] // a return inside the copy leaves the outer ones
		l.emit(&ir.Assign{Dst: f.flag, Src: ir.BoolConst(true)})
		l.stmts(f.body, false)
	}
	ts.finals = saved
}

// returnThroughFinally lowers a return inside try-with-finally: the value
// first, then the finally clauses, then the return of the saved value.
func (l *fnLowerer) returnThroughFinally(s *ast.Return) {
	pos := l.pos(s)
	ret := l.block(func() { l.ret(s) })
	// ret's last statement is the Return; what comes before computes its
	// values, which are saved so the finally clauses cannot change them.
	r, ok := ret[len(ret)-1].(*ir.Return)
	if !ok {
		l.errorf(s, "internal error: return lowered without a Return")
	}
	for _, st := range ret[:len(ret)-1] {
		l.emit(st)
	}
	for i, v := range r.Values {
		if _, isConst := v.(*ir.ConstExpr); !isConst {
			r.Values[i] = l.spill(v, pos)
		}
	}
	l.runFinals(func(*final) bool { return true })
	l.emit(r)
}

// raiseStmt lowers raise X, raise X("msg"), raise X(f"..."), a bare raise
// in a handler, raise e of the handler's name, and raise ... from ...
// (whose cause changes neither class nor message).
func (l *fnLowerer) raiseStmt(s *ast.Raise) {
	pos := l.pos(s)
	if s.Exc == nil {
		ts := l.try
		if ts == nil || len(ts.handling) == 0 {
			l.errorf(s, "unsupported: bare raise outside an except clause (there is no exception to re-raise)")
		}
		l.emit(&ir.Reraise{Try: ts.handling[len(ts.handling)-1], Pos: pos})
		return
	}
	if n, ok := s.Exc.(*ast.Name); ok {
		if loc, isLocal := l.info.Uses[n].(*typeinfer.Local); isLocal && l.try != nil && l.try.excs[loc] > 0 {
			l.emit(&ir.Reraise{Try: l.try.excs[loc], Pos: pos})
			return
		}
	}
	if call, ok := s.Exc.(*ast.Call); ok && len(call.Args) == 1 {
		if fs, ok := l.fstringOf(call.Args[0]); ok {
			name, _ := call.Func.(*ast.Name)
			if name == nil {
				l.errorf(call, "unsupported: raise needs an exception class called with a string")
			}
			text := l.fstringText(call.Args[0].(*ast.Call), fs)
			l.emit(&ir.Raise{Exc: string(name.Id), Text: text, Pos: pos})
			return
		}
	}
	exc, msg := l.exception(s.Exc)
	l.emit(&ir.Raise{Exc: exc, Msg: msg, Pos: pos})
}

// assertStmt lowers assert with no message, a string or an f-string
// (evaluated only when the assertion fails, as Python does).
func (l *fnLowerer) assertStmt(s *ast.Assert) {
	pos := l.pos(s)
	cond := l.cond(s.Test)
	if s.Msg != nil {
		if fs, ok := l.fstringOf(s.Msg); ok {
			fail := l.block(func() {
				text := l.fstringText(s.Msg.(*ast.Call), fs)
				l.emit(&ir.Raise{Exc: "AssertionError", Text: text, Pos: pos})
			})
			l.emit(&ir.If{Cond: not(cond), Then: &ir.Block{Stmts: fail}, Pos: pos})
			return
		}
	}
	msg := ""
	if s.Msg != nil {
		str, ok := s.Msg.(*ast.Str)
		if !ok {
			l.errorf(s.Msg, "unsupported: assert message must be a string literal or an f-string")
		}
		msg = string(str.S)
	}
	l.check(cond, "AssertionError", msg, pos)
}

// fstringOf returns the f-string e stands for.
func (l *fnLowerer) fstringOf(e ast.Expr) (*frontend.FString, bool) {
	call, ok := e.(*ast.Call)
	if !ok {
		return nil, false
	}
	fs := l.info.File.FStrings[call]
	return fs, fs != nil
}

// fstringText lowers an f-string's fields, in order, into text parts.
func (l *fnLowerer) fstringText(call *ast.Call, fs *frontend.FString) []ir.TextPart {
	var out []ir.TextPart
	i := 0
	for _, p := range fs.Parts {
		if !p.Field {
			out = append(out, ir.TextPart{Lit: p.Lit})
			continue
		}
		x := call.Args[i]
		i++
		parts := l.textValue(x, p.Conv == 'r' || p.Conv == 'a')
		if p.Conv == 0 && len(parts) == 1 && parts[0].X != nil {
			// format(v, spec) of a numpy float32 or complex64 formats the
			// Python float or complex it converts to (print and !s show
			// numpy's own str).
			switch parts[0].X.Type() {
			case ir.Float32:
				parts[0].X = ir.Conv(parts[0].X, ir.Float64)
			case ir.Complex64:
				parts[0].X = ir.Conv(parts[0].X, ir.Complex128)
			}
		}
		if str, ok := x.(*ast.Str); ok && p.Spec != "" && p.Conv == 0 {
			out = append(out, ir.TextPart{Lit: runtime.FormatStrSpec(string(str.S), p.Spec)})
			continue
		}
		if p.Spec != "" {
			if len(parts) != 1 || (parts[0].X == nil && parts[0].Exc == 0) {
				l.errorf(x, "unsupported: a format spec for this value; format numbers with specs")
			}
			if parts[0].Repr {
				l.errorf(x, "unsupported: a format spec after !r; format the value itself")
			}
			parts[0].Spec = p.Spec
		}
		out = append(out, parts...)
	}
	return out
}

// textValue lowers a value print or an f-string field shows: str(x), or
// repr(x) when repr is set. Tuples show as Python shows them (their
// elements' repr between parentheses).
func (l *fnLowerer) textValue(x ast.Expr, repr bool) []ir.TextPart {
	switch e := x.(type) {
	case *ast.Str:
		if repr {
			l.errorf(e, "unsupported: repr() of a string literal; write the quotes in the text")
		}
		return []ir.TextPart{{Lit: string(e.S)}}
	case *ast.NameConstant:
		if e.Value == py.None {
			return []ir.TextPart{{Lit: "None"}}
		}
	case *ast.Call:
		if fs, ok := l.fstringOf(e); ok {
			if repr {
				l.errorf(e, "unsupported: repr() of an f-string; write the quotes in the text")
			}
			return l.fstringText(e, fs)
		}
		if n, ok := e.Func.(*ast.Name); ok && (n.Id == "str" || n.Id == "repr") && len(e.Args) == 1 && isBuiltinUse(l, n) {
			return l.textValue(e.Args[0], repr || n.Id == "repr")
		}
	case *ast.Name:
		if loc, ok := l.info.Uses[e].(*typeinfer.Local); ok {
			if _, isExc := loc.Type.(ir.ExcValue); isExc {
				id := 0
				if l.try != nil {
					id = l.try.excs[loc]
				}
				if id == 0 {
					l.errorf(e, "unsupported: the exception '%s' outside its except clause", e.Id)
				}
				return []ir.TextPart{{Exc: id, Repr: repr}}
			}
		}
	}
	switch t := l.typeOf(x).(type) {
	case *ir.Tuple:
		vals := l.tuple(x)
		out := []ir.TextPart{{Lit: "("}}
		for i, v := range vals {
			if i > 0 {
				out = append(out, ir.TextPart{Lit: ", "})
			}
			out = append(out, l.valuePart(x, v, true))
		}
		if len(vals) == 1 {
			out = append(out, ir.TextPart{Lit: ","})
		}
		return append(out, ir.TextPart{Lit: ")"})
	case ir.NoneType:
		l.effects(x)
		return []ir.TextPart{{Lit: "None"}}
	case ir.Scalar, *ir.Array:
		return []ir.TextPart{l.valuePart(x, l.expr(x), repr)}
	default:
		l.errorf(x, "unsupported: printing a %s", t)
	}
	return nil
}

// valuePart is the text part of a lowered scalar or array value.
func (l *fnLowerer) valuePart(at ast.Expr, v ir.Expr, repr bool) ir.TextPart {
	switch v.Type().(type) {
	case ir.Scalar, *ir.Array:
	default:
		l.errorf(at, "unsupported: printing a %s", v.Type())
	}
	if _, isArr := v.Type().(*ir.Array); isArr {
		if _, isRef := v.(*ir.VarRef); !isRef {
			v = l.spill(v, l.pos(at))
		}
	}
	return ir.TextPart{X: v, Repr: repr}
}

// printStmt lowers print(args, sep=..., end=...) to one Write.
func (l *fnLowerer) printStmt(call *ast.Call) {
	pos := l.pos(call)
	sep, end := " ", "\n"
	for _, k := range call.Keywords {
		str, ok := k.Value.(*ast.Str)
		switch {
		case k.Arg == "sep" && ok:
			sep = string(str.S)
		case k.Arg == "end" && ok:
			end = string(str.S)
		case k.Arg == "flush":
			l.effects(k.Value)
		}
	}
	var text []ir.TextPart
	for i, a := range call.Args {
		if i > 0 && sep != "" {
			text = append(text, ir.TextPart{Lit: sep})
		}
		text = append(text, l.textValue(a, false)...)
	}
	if end != "" {
		text = append(text, ir.TextPart{Lit: end})
	}
	l.emit(&ir.Write{Text: mergeLits(text), Pos: pos})
}

// mergeLits joins neighbouring literal parts.
func mergeLits(parts []ir.TextPart) []ir.TextPart {
	var out []ir.TextPart
	for _, p := range parts {
		lit := p.X == nil && p.Exc == 0
		if n := len(out); lit && n > 0 && out[n-1].X == nil && out[n-1].Exc == 0 {
			out[n-1].Lit += p.Lit
			continue
		}
		out = append(out, p)
	}
	return out
}

// parallelTry reports a try or print inside a parallel loop's body:
// iterations would catch and print in no fixed order.
func (l *fnLowerer) parallelTry(body []ir.Stmt, at ast.Ast) {
	var bad ir.Stmt
	ir.Inspect(&ir.Block{Stmts: body}, func(n ir.Node) bool {
		switch n.(type) {
		case *ir.Try:
			if bad == nil {
				bad = n.(ir.Stmt)
			}
		}
		return bad == nil
	})
	if bad != nil {
		p := bad.StmtPos()
		panic(srcError{pos: frontend.Pos{Line: p.Line, Col: p.Col}, msg: "unsupported: try in a parallel loop (prange): iterations run in any order; use range, or move the try around the loop"})
	}
}
