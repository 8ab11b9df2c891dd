package typeinfer

import (
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// supportedExceptions may be raised explicitly.
var supportedExceptions = map[string]bool{
	"ValueError": true, "IndexError": true, "ZeroDivisionError": true, "AssertionError": true,
	"RuntimeError": true, "OverflowError": true, "TypeError": true, "ArithmeticError": true,
	"NotImplementedError": true, "Exception": true, "LookupError": true, "FloatingPointError": true,
}

// body walks one function once.
func (c *checker) body(fs *funcState) {
	c.fs = fs
	// The function's own imports shadow module names while it is checked.
	if len(fs.imports) > 0 {
		saved := map[string]Object{}
		for name, o := range fs.imports {
			saved[name] = c.globals[name]
			c.globals[name] = o
		}
		defer func() {
			for name, o := range saved {
				if o == nil {
					delete(c.globals, name)
				} else {
					c.globals[name] = o
				}
			}
		}()
	}
	fs.valueRet = false
	fs.bareRet = nil
	fs.loopDepth = 0
	fn := fs.fn
	fs.nn = nullState{}
	for _, p := range fn.Params {
		if _, none := p.Type.(ir.NoneType); none {
			fs.nn[p] = isNone // an instance called with None
		}
	}
	body := fn.Def.Body
	if fn.Doc != "" || (len(body) > 0 && isDocstring(body[0])) {
		body = body[1:]
	}
	c.stmts(body)

	if fs.hasDecl {
		if fn.Result == nil { // the annotation itself was wrong
			return
		}
		if _, none := fn.Result.(ir.NoneType); !none && (len(fs.bareRet) > 0 || !blockEnds(body)) {
			c.noReturn(fn, fs)
		}
	} else {
		if !fs.valueRet {
			c.setResult(fs, ir.None)
		} else if len(fs.bareRet) > 0 || !blockEnds(body) {
			// None on some paths, a value on others: an optional
			// result (none.go), where the value may be None.
			if t, ok := join(fn.Result, ir.None); ok && fn.Result != nil {
				c.setResult(fs, t)
				if c.final && !isPrivate(fn) {
					c.publicOptional(fn, fs)
				}
			} else if fn.Result != nil {
				c.noReturn(fn, fs)
			}
		}
		if c.final && fs.bare != "" {
			c.checkBare(fs)
		}
		if c.final && fs.valueRet && !complete(fn.Result) && !c.reported[fn] && len(c.errs) == 0 {
			c.reported[fn] = true
			c.errorf(fn.Def, "cannot infer the result type of '%s': no return value has a known type (only recursive calls?); annotate it with -> T", fn.Name)
		}
	}
	c.fs = nil
}

// checkBare checks an inferred result against a bare annotation (-> tuple,
// -> np.ndarray, -> list): the annotation promises the kind of value.
func (c *checker) checkBare(fs *funcState) {
	fn := fs.fn
	if fn.Result == nil {
		return
	}
	ok := false
	switch fn.Result.(type) {
	case *ir.Tuple:
		ok = fs.bare == "tuple"
	case *ir.Array:
		ok = fs.bare == "array"
	case *ir.List:
		ok = fs.bare == "list"
	}
	if !ok {
		want := map[string]string{"tuple": "a tuple", "list": "a list", "array": "an array"}[fs.bare]
		c.errorf(fn.Def, "'%s' is annotated to return %s (at %s) but returns %s (at %s)", fn.Name, want, fs.resultDecl, typeString(fn.Result), fs.resultWhy)
	}
}

// isPrivate reports whether fn is a helper (a name starting with _): not
// part of the generated API, free to take and return optional scalars.
func isPrivate(fn *Func) bool { return strings.HasPrefix(fn.PyName, "_") }

// publicOptional reports a public function that returns None on some paths
// and a value on others: the generated Go and C APIs have no optional
// values (an optional parameter array, nil or NULL, is the one exception).
func (c *checker) publicOptional(fn *Func, fs *funcState) {
	c.noReturn(fn, fs)
}

func (c *checker) noReturn(fn *Func, fs *funcState) {
	var at ast.Ast = fn.Def
	if len(fs.bareRet) > 0 {
		at = fs.bareRet[0]
	}
	c.errorf(at, "function '%s' does not return a value on every path; Python would return None", fn.Name)
}

func (c *checker) setResult(fs *funcState, t ir.Type) {
	if !sameType(fs.fn.Result, t) {
		c.changing(fs.fn.Def, fs.fn.Name+"()'s result", fs.fn.Result, t)
		fs.fn.Result = t
		c.changed = true
	}
}

func isDocstring(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = es.Value.(*ast.Str)
	return ok
}

// blockEnds reports, conservatively, that control cannot fall off the end
// of stmts: a return or raise last, an if whose branches both end, or a
// loop that can only be left by return (while True without break, or a
// loop whose else ends and whose body has no break).
func blockEnds(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	switch s := stmts[len(stmts)-1].(type) {
	case *ast.Return, *ast.Raise:
		return true
	case *ast.If:
		return blockEnds(s.Body) && blockEnds(s.Orelse)
	case *ast.Try:
		return tryEnds(s, blockEnds)
	case *ast.While:
		if HasBreak(s.Body) {
			return false
		}
		return alwaysTrue(s.Test) || blockEnds(s.Orelse)
	case *ast.For:
		return !HasBreak(s.Body) && blockEnds(s.Orelse)
	}
	return false
}

// BlockEnds is blockEnds for lower: control cannot fall off the end of
// stmts (conservatively).
func BlockEnds(stmts []ast.Stmt) bool { return blockEnds(stmts) }

func alwaysTrue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.NameConstant:
		return e.Value == py.True
	case *ast.Num:
		v, _, ok := literal(e)
		return ok && truthy(v)
	}
	return false
}

// HasBreak reports whether a loop body has a break that leaves this loop
// (not one of a nested loop); lower uses it too, for loop else clauses.
func HasBreak(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.Break:
			return true
		case *ast.If:
			if HasBreak(s.Body) || HasBreak(s.Orelse) {
				return true
			}
		case *ast.For:
			if HasBreak(s.Orelse) {
				return true
			}
		case *ast.While:
			if HasBreak(s.Orelse) {
				return true
			}
		case *ast.Try:
			if HasBreak(s.Body) || HasBreak(s.Orelse) || HasBreak(s.Finalbody) {
				return true
			}
			for _, h := range s.Handlers {
				if HasBreak(h.Body) {
					return true
				}
			}
		}
	}
	return false
}

func (c *checker) stmts(list []ast.Stmt) {
	for _, s := range list {
		c.stmt(s)
		if c.fs.cut {
			// The rest of the block cannot run (none.go): it is neither
			// checked nor compiled.
			c.fs.cut = false
			if c.final {
				c.info.Cut[s] = true
			}
			return
		}
	}
}

func (c *checker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		vt := c.expr(s.Value)
		for _, t := range s.Targets {
			c.assign(t, vt, s.Value)
		}
	case *ast.AugAssign:
		if s.Op == ast.BitAnd {
			c.noteMask(s.Value)
		}
		c.augAssign(s)
	case *ast.For:
		c.forStmt(s)
	case *ast.While:
		c.loopForget(s.Body)
		_, then, els, _ := c.cond(s.Test)
		c.fs.nn = then
		c.fs.loopDepth++
		c.stmts(s.Body)
		c.fs.loopDepth--
		c.fs.nn = els
		c.loopForget(s.Body)
		c.stmts(s.Orelse)
	case *ast.If:
		_, then, els, static := c.cond(s.Test)
		// A branch a test rules out at compile time is not checked (and
		// not compiled): see none.go.
		var ends []nullState
		if static != staticFalse {
			c.fs.nn = then
			c.stmts(s.Body)
			if fallsThrough(s.Body) {
				ends = append(ends, c.fs.nn)
			} else if static == staticTrue {
				c.fs.cut = true
			}
		}
		if static != staticTrue {
			c.fs.nn = els
			c.stmts(s.Orelse)
			if fallsThrough(s.Orelse) {
				ends = append(ends, c.fs.nn)
			} else if static == staticFalse {
				c.fs.cut = true
			}
		}
		switch len(ends) {
		case 0:
			c.fs.nn = nullState{} // unreachable after the if
		case 1:
			c.fs.nn = ends[0]
		default:
			c.fs.nn = meet(ends[0], ends[1])
		}
	case *ast.Return:
		c.returnStmt(s)
	case *ast.Raise:
		c.raise(s)
	case *ast.Try:
		c.tryStmt(s) // try.go
	case *ast.Assert:
		_, then, _, _ := c.cond(s.Test)
		if s.Msg != nil {
			c.message(s.Msg)
		}
		c.fs.nn = then
	case *ast.ExprStmt:
		if call, ok := s.Value.(*ast.Call); ok && c.isPrintCall(call) {
			c.printCall(call)
			return
		}
		if call, ok := s.Value.(*ast.Call); ok {
			c.call(call, true)
			return
		}
		if _, ok := s.Value.(*ast.Str); ok {
			return // frontend reports stray strings
		}
		c.expr(s.Value)
	case *ast.Pass, *ast.Import, *ast.ImportFrom:
		// Imports bind names before the body is walked (funcImports).
	case *ast.Break, *ast.Continue:
		if c.fs.loopDepth == 0 {
			what := "break"
			if _, ok := s.(*ast.Continue); ok {
				what = "continue"
			}
			c.errorf(s, "'%s' outside loop", what)
		}
	default:
		c.errorf(s, "unsupported: statement")
	}
}

// truth checks an expression used for its truth value.
func (c *checker) truth(e ast.Expr) ir.Type {
	t := c.expr(e)
	switch t.(type) {
	case *ir.Tuple:
		c.errorf(e, "unsupported: truth value of a tuple (it is always True for a non-empty tuple)")
	case ir.NoneType:
		c.errorf(e, "unsupported: truth value of None")
	case *ir.Optional:
		c.errorf(e, "unsupported: truth value of a value that may be None; test it with `is not None`")
	case *ir.Array:
		c.errorf(e, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
	}
	return t
}

// assign binds target to a value of type vt.
func (c *checker) assign(target ast.Expr, vt ir.Type, value ast.Expr) {
	switch t := target.(type) {
	case *ast.Name:
		l := c.fs.fn.Scope[string(t.Id)]
		if l == nil {
			return // cannot happen: collectLocals saw every target
		}
		if _, isCall := value.(*ast.Call); !isCall && c.generatorEscapes(value, vt, "a second name for") {
			return
		}
		c.use(t, l)
		c.define(l, vt, t, value)
		c.record(t, l.Type)
	case *ast.Tuple, *ast.List:
		var elts []ast.Expr
		if tt, ok := t.(*ast.Tuple); ok {
			elts = tt.Elts
		} else {
			elts = t.(*ast.List).Elts
		}
		for _, e := range elts {
			switch e.(type) {
			case *ast.Name, *ast.Tuple, *ast.List:
			default:
				c.errorf(e, "unsupported: unpacking target must be a name or a tuple of names")
				return
			}
		}
		// Even a failed unpacking defines its names: reporting them as
		// undefined later would only repeat this error.
		c.markTargets(target)
		var ets []ir.Type
		switch v := vt.(type) {
		case nil:
			ets = make([]ir.Type, len(elts))
		case *ir.Tuple:
			if len(v.Elems) > len(elts) {
				c.errorf(value, "too many values to unpack (expected %d)", len(elts))
				return
			}
			if len(v.Elems) < len(elts) {
				c.errorf(value, "not enough values to unpack (expected %d, got %d)", len(elts), len(v.Elems))
				return
			}
			ets = v.Elems
		default:
			c.errorf(value, "cannot unpack non-iterable %s object", pyName(vt))
			return
		}
		var vals []ast.Expr
		if vtup, ok := value.(*ast.Tuple); ok && len(vtup.Elts) == len(elts) {
			vals = vtup.Elts
		}
		for i, e := range elts {
			var v ast.Expr = value
			if vals != nil {
				v = vals[i]
			}
			c.assign(e, ets[i], v)
		}
		c.record(target, vt)
	case *ast.Subscript:
		if lt, ok := c.expr(t.Value).(*ir.List); ok {
			c.listStore(t, lt, vt, value) // list.go
			return
		}
		tt := c.expr(t)
		if tt != nil {
			if _, isA := c.info.Types[t.Value].(*ir.Array); !isA && c.final {
				c.errorf(t, "'%s' object does not support item assignment", pyName(c.info.Types[t.Value]))
				return
			}
		}
		c.storeCheck(value, tt, vt)
	case *ast.Attribute:
		c.errorf(t, "unsupported: assignment to an attribute")
	default:
		c.errorf(t, "unsupported: assignment target")
	}
}

func isCall(e ast.Expr) bool {
	_, ok := e.(*ast.Call)
	return ok
}

// define records that local l is assigned a value of type vt at target.
// Declared locals (parameters, annotated ones) keep their type and the
// value must convert to it; others widen by unification.
func (c *checker) define(l *Local, vt ir.Type, target ast.Ast, value ast.Expr) {
	fs := c.fs
	fs.assigned[l] = true
	if vt == nil {
		return
	}
	if _, none := vt.(ir.NoneType); none && isCall(value) {
		c.errorf(value, "the value is None (the called function returns nothing)")
		return
	}
	c.setNull(l, nullnessOf(vt))
	if at, ok := fs.declared[l]; ok {
		if l.Type != nil && !convertible(vt, l.Type) {
			what := "variable"
			if l.Param {
				what = "parameter"
			}
			c.errorf(value, "cannot assign a %s value to %s '%s', declared %s at %s (no implicit narrowing)", pyName(vt), what, l.Name, pyName(l.Type), at)
		}
		return
	}
	nt, ok := join(l.Type, vt)
	if !ok {
		sa, sb := shapes(l.Type, vt)
		c.errorf(target, "variable '%s' is %s at %s and %s at %s", l.Name, sa, fs.why[l], sb, c.pos(target))
		return
	}
	if !sameType(nt, l.Type) {
		c.changing(target, "'"+l.Name+"'", l.Type, nt)
		l.Type = nt
		fs.why[l] = c.pos(target)
		c.changed = true
	}
}

func (c *checker) augAssign(s *ast.AugAssign) {
	if sub, ok := s.Target.(*ast.Subscript); ok {
		// a[i] += v is a[i] = a[i] + v (an element: numpy scalar
		// arithmetic, stored back with numpy's cast); m[i, :] += v is an
		// in-place ufunc (casting="same_kind").
		tt := c.expr(sub)
		rt := c.expr(s.Value)
		if tt == nil {
			return
		}
		if lt, ok := c.info.Types[sub.Value].(*ir.List); ok || c.isListExpr(sub.Value) {
			// l[i] += v is l[i] = l[i] + v; the element keeps its type.
			if !ok {
				lt, _ = c.expr(sub.Value).(*ir.List)
			}
			res := c.binary(s, opNames[s.Op], tt, rt, sub, s.Value)
			if res != nil && lt != nil && lt.Elem != nil {
				if _, ok := joinElem(lt.Elem, res); !ok {
					c.errorf(s, "unsupported: %s", mixMsg(lt.Elem, res))
				}
			}
			return
		}
		if _, isA := c.info.Types[sub.Value].(*ir.Array); !isA && c.final {
			c.errorf(sub, "'%s' object does not support item assignment", pyName(c.info.Types[sub.Value]))
			return
		}
		res := c.binary(s, opNames[s.Op], tt, rt, sub, s.Value)
		c.inPlace(s, tt, res)
		return
	}
	name, ok := s.Target.(*ast.Name)
	if !ok {
		c.expr(s.Value)
		c.errorf(s.Target, "unsupported: augmented assignment to an attribute")
		return
	}
	l := c.fs.fn.Scope[string(name.Id)]
	lt := c.localType(name, l)
	c.use(name, l)
	c.record(name, lt)
	rt := c.expr(s.Value)
	res := c.binary(s, opNames[s.Op], lt, rt, name, s.Value)
	if _, isA := lt.(*ir.Array); isA {
		// a += b updates the array in place: a keeps its type.
		c.fs.assigned[l] = true
		c.inPlace(s, lt, res)
		return
	}
	c.define(l, res, name, s.Value)
}

// inPlace checks the result of an augmented assignment into an array
// (or an element of one) against the destination.
func (c *checker) inPlace(s *ast.AugAssign, dst, res ir.Type) {
	if res == nil {
		return
	}
	da, dArr := dst.(*ir.Array)
	if !dArr {
		c.storeCheck(s.Value, dst, res)
		return
	}
	ra, rArr := res.(*ir.Array)
	rk, _ := res.(ir.Scalar)
	if rArr {
		rk = ra.Elem
		if ra.Rank > da.Rank {
			c.errorf(s, "non-broadcastable output operand: the result has %d dimensions but the destination %d", ra.Rank, da.Rank)
			return
		}
	}
	if !numpy.SameKind(rk, da.Elem) {
		c.errorf(s, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'", ufuncName[opNames[s.Op]], rk, da.Elem)
	}
}

var ufuncName = map[string]string{
	"+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "floor_divide", "%": "remainder",
	"**": "power", "&": "bitwise_and", "|": "bitwise_or", "^": "bitwise_xor", "<<": "left_shift", ">>": "right_shift",
}

func (c *checker) forStmt(s *ast.For) {
	if !c.simpleLoop(s) {
		c.generalLoop(s) // iter.go
		return
	}
	if c.arrayLoop(s) {
		c.fs.loopDepth++
		c.loopForget(s.Body)
		c.stmts(s.Body)
		c.loopForget(s.Body)
		c.fs.loopDepth--
		c.stmts(s.Orelse)
		return
	}
	name, ok := s.Target.(*ast.Name)
	if !ok {
		c.errorf(s.Target, "unsupported: for-loop target must be a plain name")
	}
	call, isCall := s.Iter.(*ast.Call)
	if !isCall || !c.rangeCall(call) {
		c.errorf(s.Iter, "unsupported: for loop over something other than range(), an array, enumerate(array) or zip(arrays)")
	}
	if ok {
		l := c.fs.fn.Scope[string(name.Id)]
		c.use(name, l)
		// range always yields Python ints, whatever its argument kinds.
		c.define(l, ir.Int64, name, s.Iter)
		c.record(name, l.Type)
	}
	c.fs.loopDepth++
	c.loopForget(s.Body)
	c.stmts(s.Body)
	c.loopForget(s.Body)
	c.fs.loopDepth--
	c.stmts(s.Orelse)
}

func (c *checker) returnStmt(s *ast.Return) {
	fs := c.fs
	fn := fs.fn
	if s.Value == nil {
		fs.bareRet = append(fs.bareRet, s)
		return
	}
	if nc, ok := s.Value.(*ast.NameConstant); ok && nc.Value == py.None {
		c.record(s.Value, ir.None)
		fs.bareRet = append(fs.bareRet, s)
		return
	}
	fs.valueRet = true
	vt := c.expr(s.Value)
	if vt == nil {
		return
	}
	if c.generatorEscapes(s.Value, vt, "returning") {
		return
	}
	if _, isFn := vt.(*ir.FuncValue); isFn {
		c.errorf(s.Value, "unsupported: returning a function (it would outlive the variables it reads); call it here, or define it at module level and call it there")
		return
	}
	if _, none := vt.(ir.NoneType); none {
		c.errorf(s.Value, "the value is None (the called function returns nothing)")
		return
	}
	if fs.hasDecl {
		if fn.Result == nil {
			return
		}
		if _, none := fn.Result.(ir.NoneType); none {
			c.errorf(s.Value, "function '%s' is declared to return None at %s but returns a %s value", fn.Name, fs.resultDecl, pyName(vt))
			return
		}
		if !convertible(vt, fn.Result) {
			c.errorf(s.Value, "return value is %s but '%s' is declared to return %s at %s (no implicit narrowing)", typeString(vt), fn.Name, typeString(fn.Result), fs.resultDecl)
			return
		}
		// A numpy scalar returned under another declared type leaves
		// Python unchanged (annotations do not convert), so CPython's
		// caller gets the numpy value and its repr: converting it here
		// would return a different value to Go than to Python.
		if f, ok := vt.(ir.Scalar); ok && isSized(f) && !ir.Identical(vt, fn.Result) {
			c.errorf(s.Value, "return value is np.%s but '%s' is declared to return %s at %s; Python returns the np.%s unchanged: declare -> np.%s or convert explicitly (%s(...))", f, fn.Name, typeString(fn.Result), fs.resultDecl, f, f, pyName(fn.Result))
		}
		return
	}
	if _, none := fn.Result.(ir.NoneType); none {
		fn.Result = nil // an earlier pass saw no value return yet
	}
	nt, ok := join(fn.Result, vt)
	if !ok {
		sa, sb := shapes(fn.Result, vt)
		c.errorf(s.Value, "function '%s' returns %s at %s and %s at %s", fn.Name, sa, fs.resultWhy, sb, c.pos(s.Value))
		return
	}
	if !sameType(nt, fn.Result) {
		c.changing(s.Value, fn.Name+"()'s result", fn.Result, nt)
		fn.Result = nt
		fs.resultWhy = c.pos(s.Value)
		c.changed = true
	}
}

// typeString spells tuples out, for messages about declared results.
func typeString(t ir.Type) string {
	if tt, ok := t.(*ir.Tuple); ok {
		s := "tuple["
		for i, e := range tt.Elems {
			if i > 0 {
				s += ", "
			}
			s += typeString(e)
		}
		return s + "]"
	}
	return pyName(t)
}

func (c *checker) raise(s *ast.Raise) {
	if s.Exc == nil {
		if c.fs.handlers == 0 {
			c.errorf(s, "unsupported: bare raise outside an except clause (there is no active exception to re-raise)")
		}
		return
	}
	if s.Cause != nil {
		c.raiseCause(s.Cause)
	}
	if n, ok := s.Exc.(*ast.Name); ok && c.isExcName(n) {
		return // raise e: re-raises the exception the handler caught
	}
	var name *ast.Name
	var call *ast.Call
	switch e := s.Exc.(type) {
	case *ast.Name:
		name = e
	case *ast.Call:
		call = e
		name, _ = e.Func.(*ast.Name)
	}
	if name == nil || !supportedExceptions[string(name.Id)] || c.shadowed(string(name.Id)) {
		c.errorf(s.Exc, "unsupported: raise of this exception; raise one of ArithmeticError, AssertionError, Exception, FloatingPointError, IndexError, LookupError, NotImplementedError, OverflowError, RuntimeError, TypeError, ValueError, ZeroDivisionError")
		return
	}
	c.use(name, &Builtin{Name: string(name.Id)})
	if call == nil {
		return
	}
	if len(call.Keywords) > 0 || len(call.Args) > 1 {
		c.errorf(call, "unsupported: an exception takes at most one argument, a string literal")
		return
	}
	if len(call.Args) == 1 {
		c.message(call.Args[0])
	}
	if c.final {
		ci := &CallInfo{Kind: CallException, Name: string(name.Id), Args: call.Args}
		for i := range call.Args {
			ci.ArgOrder = append(ci.ArgOrder, i)
		}
		c.info.Calls[call] = ci
	}
}

// shadowed reports whether a builtin name is rebound by the file.
func (c *checker) shadowed(name string) bool {
	if c.fs != nil && c.fs.fn.Scope[name] != nil {
		return true
	}
	_, ok := c.globals[name]
	return ok
}

// localType is the type of a read of local l, reporting a local that is
// never assigned a value anywhere in the function.
func (c *checker) localType(n *ast.Name, l *Local) ir.Type {
	if l == nil {
		return nil
	}
	if !c.fs.assigned[l] && c.final && !c.reported[l] {
		c.reported[l] = true
		c.errorf(n, "name '%s' is not defined (it is never assigned a value)", l.Name)
		return nil
	}
	if l.Type == nil && c.final && c.fs.assigned[l] && !c.reported[l] && len(c.errs) == 0 {
		c.reported[l] = true
		c.errorf(n, "cannot infer the type of '%s': every assignment to it uses its own value", l.Name)
	}
	return l.Type
}
