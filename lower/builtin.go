package lower

import (
	"math"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// call lowers a scalar-valued call.
func (l *fnLowerer) call(e *ast.Call) ir.Expr {
	ci := l.info.Calls[e]
	if ci == nil {
		l.errorf(e, "unsupported: call")
	}
	switch ci.Kind {
	case typeinfer.CallFunc:
		vals := l.callFunc(e, ci, nil, false)
		if len(vals) != 1 {
			l.errorf(e, "unsupported: the result of %s used as a single value", ci.Func.Name)
		}
		return vals[0]
	case typeinfer.CallBuiltin:
		if ci.Name == "len" && len(ci.Args) == 1 && l.isArrayExpr(ci.Args[0]) {
			return l.arrayLen(ci.Args[0])
		}
		if ci.Name == "len" && len(ci.Args) == 1 {
			if _, ok := l.listType(ci.Args[0]); ok {
				return listLen(l.expr(ci.Args[0])) // list.go
			}
			if it := l.info.Iters[ci.Args[0]]; it != nil && it.Kind == typeinfer.IterRange {
				return l.iterSource(ci.Args[0], it, l.pos(e)).n // len(range(...))
			}
			if tt, ok := l.typeOf(ci.Args[0]).(*ir.Tuple); ok {
				l.effectsTuple(ci.Args[0])
				return ir.Int(int64(len(tt.Elems)))
			}
		}
		return l.builtin(e, ci)
	case typeinfer.CallMath:
		return l.mathCall(e, ci)
	case typeinfer.CallCmath:
		return l.cmathCall(e, ci)
	case typeinfer.CallNumpy, typeinfer.CallMethod:
		if _, ok := l.listType(ci.Recv); ok && ci.Kind == typeinfer.CallMethod && ci.Recv != nil {
			return l.listMethod(e, ci) // list.go
		}
		if isRandomCall(ci) {
			return l.randomScalar(e, ci)
		}
		if ci.Row != nil {
			return l.rowCall(e, ci)
		}
		if ci.Name == "conjugate" && ci.Recv != nil {
			rt := l.scalarOf(ci.Recv)
			x := l.expr(ci.Recv)
			if rt.IsComplex() {
				return intr("conj", rt, x)
			}
			return cv(x, l.scalarOf(e))
		}
	}
	l.errorf(e, "unsupported: call of %s", ci.Name)
	return nil
}

// args lowers the bound arguments of a call in Python's evaluation order
// (ci.ArgOrder) and returns them in parameter order. A nil argument (an
// omitted optional one) stays nil.
func (l *fnLowerer) args(e *ast.Call, ci *typeinfer.CallInfo) []ir.Expr {
	order := ci.ArgOrder
	if len(order) != len(ci.Args) {
		order = make([]int, len(ci.Args))
		for i := range order {
			order[i] = i
		}
	}
	vals := l.seqFn(l.pos(e), len(order), func(k int) ir.Expr {
		a := ci.Args[order[k]]
		if a == nil {
			return nil
		}
		return l.expr(a)
	})
	out := make([]ir.Expr, len(ci.Args))
	for k, i := range order {
		out[i] = vals[k]
	}
	return out
}

// valuesSeq lowers the bound arguments of a call for parameters of the
// given types (values), evaluated in the order written as args does: one
// list of IR values per argument, nil for an omitted one.
func (l *fnLowerer) valuesSeq(e *ast.Call, ci *typeinfer.CallInfo, ptype func(i int) ir.Type) [][]ir.Expr {
	order := ci.ArgOrder
	if len(order) != len(ci.Args) {
		order = make([]int, len(ci.Args))
		for i := range order {
			order[i] = i
		}
	}
	pos := l.pos(e)
	bufs := make([][]ir.Stmt, len(order))
	vals := make([][]ir.Expr, len(order))
	for k, i := range order {
		if a := ci.Args[i]; a != nil {
			bufs[k] = l.block(func() { vals[k] = l.values(a, ptype(i)) })
		}
	}
	out := make([][]ir.Expr, len(ci.Args))
	for k, i := range order {
		*l.cur = append(*l.cur, bufs[k]...)
		later := false
		for j := k + 1; j < len(order); j++ {
			later = later || len(bufs[j]) > 0
		}
		for m, v := range vals[k] {
			if later && v != nil && mayHaveEffects(v) {
				vals[k][m] = l.spill(v, pos)
			}
		}
		out[i] = vals[k]
		if out[i] == nil && ci.Args[i] != nil {
			out[i] = []ir.Expr{} // None: no values, but present
		}
	}
	return out
}

// argTypes returns the typeinfer types of the bound arguments.
func (l *fnLowerer) argTypes(ci *typeinfer.CallInfo) []ir.Scalar {
	ts := make([]ir.Scalar, len(ci.Args))
	for i, a := range ci.Args {
		if a != nil {
			ts[i] = l.scalarOf(a)
		}
	}
	return ts
}

// callFunc calls a module function. A callee that raises or returns a tuple
// (or a call used as a statement) becomes a CallStmt into dsts (fresh
// temporaries when dsts is nil); otherwise the call is an expression.
func (l *fnLowerer) callFunc(e *ast.Call, ci *typeinfer.CallInfo, dsts []*ir.Var, asStmt bool) []ir.Expr {
	g := l.ml.funcs[ci.Func]
	if g == nil || len(ci.Args) != len(ci.Func.Params)-ci.Func.Captures {
		l.errorf(e, "unsupported: call of %s", ci.Name)
	}
	// Each argument is as many IR arguments as its parameter has IR
	// parameters (values.go).
	pvars := l.ml.params[ci.Func]
	per := l.valuesSeq(e, ci, func(i int) ir.Type { return ci.Func.Params[i].Type })
	if ci.Closure != nil {
		// The captures of the function value called (typeinfer/closure.go).
		fv, _ := l.typeOf(ci.Closure).(*ir.FuncValue)
		if fv == nil {
			l.errorf(e, "unsupported: call of %s", ci.Name)
		}
		// One list per capture parameter.
		vals := l.captures(ci.Closure, fv)
		for _, p := range pvars[len(ci.Args):] {
			per = append(per, vals[:len(p)])
			vals = vals[len(p):]
		}
	}
	var args []ir.Expr
	for i, vals := range per {
		if vals == nil && len(pvars[i]) > 0 {
			l.errorf(e, "missing argument %s of %s", ci.Func.Params[i].Name, g.Name)
		}
		for k, a := range vals {
			p := pvars[i][k]
			if at, ok := p.Type.(*ir.Array); ok {
				if r, ok := a.(*ir.VarRef); ok {
					a = ir.Ref(l.arrayAs(r.V, at, ci.Args[i]))
				}
			}
			args = append(args, convTo(a, p.Type))
		}
	}
	call := &ir.Call{Fn: g, Args: args}
	results := ir.ResultTypes(g.Result)
	pos := l.pos(e)
	if asStmt {
		l.emit(&ir.CallStmt{Call: call, Pos: pos})
		return nil
	}
	if !g.Raises && len(results) == 1 && dsts == nil {
		return []ir.Expr{call}
	}
	if len(results) == 0 {
		l.errorf(e, "unsupported: %s returns None; its result cannot be used", g.Name)
	}
	if dsts == nil {
		for _, t := range results {
			dsts = append(dsts, l.temp(t))
		}
	}
	l.emit(&ir.CallStmt{Dsts: dsts, Call: call, Pos: pos})
	out := make([]ir.Expr, len(dsts))
	for i, d := range dsts {
		out[i] = ir.Ref(d)
	}
	return out
}

func (l *fnLowerer) builtin(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	pos := l.pos(e)
	res := l.scalarOf(e)
	ts := l.argTypes(ci)
	switch ci.Name {
	case "abs":
		x := l.args(e, ci)[0]
		return l.abs(x, ts[0], res, pos)
	case "min", "max":
		args := l.args(e, ci)
		if len(args) < 2 {
			l.errorf(e, "unsupported: %s() needs at least two arguments", ci.Name)
		}
		acc := cv(args[0], res)
		for _, a := range args[1:] {
			acc = intr(ci.Name, res, acc, cv(a, res))
		}
		return acc
	case "round":
		args := l.args(e, ci)
		x, xt := args[0], ts[0]
		if len(args) == 1 || args[1] == nil {
			if xt.IsFloat() {
				r := intr("roundeven", xt, x)
				if res.IsInt() {
					return cv(l.ftoi(r, pos), res)
				}
				return r
			}
			return cv(x, res)
		}
		n := cv(args[1], ir.Int64)
		if xt.IsFloat() && isNumpy(xt) {
			// numpy's own rounding (runtime.RoundFloat32): overflow
			// gives inf, nothing raises.
			return cv(intr("round", xt, x, n), res)
		}
		if xt.IsFloat() {
			x = l.simple(x, pos)
			r := l.spill(intr("round", xt, x, n), pos)
			l.check(not(intr("range_err", ir.Bool, x, r)), "OverflowError", "rounded value too large to represent", pos)
			return cv(r, res)
		}
		return cv(intr("round", res, cv(x, res), n), res)
	case "int":
		args := l.args(e, ci)
		if len(args) == 0 {
			return zero(res)
		}
		if ts[0].IsFloat() {
			return cv(l.ftoi(args[0], pos), res)
		}
		if ts[0].IsComplex() {
			l.errorf(e, "unsupported: int() of a complex")
		}
		return cv(args[0], res)
	case "float":
		args := l.args(e, ci)
		if len(args) == 0 {
			return zero(res)
		}
		if ts[0].IsComplex() {
			l.errorf(e, "unsupported: float() of a complex")
		}
		return cv(args[0], res)
	case "bool":
		args := l.args(e, ci)
		if len(args) == 0 {
			return ir.BoolConst(false)
		}
		return truth(args[0])
	case "complex":
		args := l.args(e, ci)
		pt := partType(res)
		switch {
		case len(args) == 0:
			return zero(res)
		case len(args) == 1 || args[1] == nil:
			return cv(args[0], res)
		case !ts[0].IsComplex() && !ts[1].IsComplex():
			return intr("complex", res, cv(args[0], pt), cv(args[1], pt))
		}
		// complex(a, b) with a complex part: a + b*1j by parts.
		a, b := l.simple(cv(args[0], res), pos), l.simple(cv(args[1], res), pos)
		re := ir.Bin(ir.Sub, intr("real", pt, a), intr("imag", pt, b))
		im := ir.Bin(ir.Add, intr("imag", pt, a), intr("real", pt, b))
		return intr("complex", res, re, im)
	case "pow":
		args := l.args(e, ci)
		if len(args) == 2 || (len(args) == 3 && args[2] == nil) {
			return l.pow(args[0], ts[0], args[1], ts[1], res, isNumpy(ts[0], ts[1], res), true, pos)
		}
		return l.powMod(cv(args[0], res), cv(args[1], res), cv(args[2], res), res, pos)
	case "divmod":
		l.errorf(e, "unsupported: divmod() used as a single value")
	}
	l.errorf(e, "unsupported: builtin %s()", ci.Name)
	return nil
}

func (l *fnLowerer) abs(x ir.Expr, xt, res ir.Scalar, pos ir.Pos) ir.Expr {
	switch {
	case xt == ir.Bool:
		return cv(x, res)
	case xt.IsComplex():
		x = l.simple(x, pos)
		pt := partType(xt)
		if isNumpy(xt) {
			return cv(intr("cabs", pt, x), res)
		}
		r := l.spill(intr("cabs", pt, x), pos)
		l.check(not(and(and(intr("isinf", ir.Bool, r), intr("isfinite", ir.Bool, intr("real", pt, x))),
			intr("isfinite", ir.Bool, intr("imag", pt, x)))), "OverflowError", "absolute value too large", pos)
		return cv(r, res)
	}
	return cv(intr("abs", xt, x), res)
}

// ftoi converts a float to int64 as int() does: NaN, infinity and values
// outside int64 raise, in CPython's order.
func (l *fnLowerer) ftoi(x ir.Expr, pos ir.Pos) ir.Expr {
	x = l.simple(x, pos)
	l.check(not(intr("isnan", ir.Bool, x)), "ValueError", msgNaNToInt, pos)
	l.check(not(intr("isinf", ir.Bool, x)), "OverflowError", msgInfToInt, pos)
	l.check(intr("ftoi_ok", ir.Bool, x), "OverflowError", msgIntRange, pos)
	return intr("ftoi", ir.Int64, x)
}

// divmod returns (a // b, a % b) behind one zero check.
func (l *fnLowerer) divmod(e *ast.Call, ci *typeinfer.CallInfo) []ir.Expr {
	pos := l.pos(e)
	tt, ok := l.typeOf(e).(*ir.Tuple)
	if !ok || len(tt.Elems) != 2 {
		l.errorf(e, "unsupported: divmod() result type")
	}
	res, _ := tt.Elems[0].(ir.Scalar)
	ts := l.argTypes(ci)
	args := l.args(e, ci)
	x, y := l.simple(cv(args[0], res), pos), l.simple(cv(args[1], res), pos)
	if isNumpy(ts[0], ts[1], res) {
		return []ir.Expr{
			l.floorMod(ast.FloorDiv, x, y, res, true, pos),
			l.floorMod(ast.Modulo, x, y, res, true, pos),
		}
	}
	msg := msgIntDivZero
	if res.IsFloat() {
		msg = "float divmod()"
	}
	l.check(ir.Bin(ir.Ne, y, zero(res)), "ZeroDivisionError", msg, pos)
	return []ir.Expr{intr("floordiv", res, x, y), intr("mod", res, x, y)}
}

// powMod lowers pow(b, e, m) on ints as right-to-left binary
// exponentiation with Python's mod at every step (exact while (m-1)**2
// fits int64; wraps beyond: documented).
func (l *fnLowerer) powMod(b, e, m ir.Expr, t ir.Scalar, pos ir.Pos) ir.Expr {
	m = l.simple(m, pos)
	l.check(ir.Bin(ir.Ne, m, zero(t)), "ValueError", "pow() 3rd argument cannot be 0", pos)
	e = l.simple(e, pos)
	l.check(ir.Bin(ir.Ge, e, zero(t)), "ValueError",
		"pyc2go: pow() with a negative exponent and a modulus (a modular inverse) is not supported", pos)
	one := &ir.ConstExpr{T: t, Value: int64(1)}
	r, base, ex := l.temp(t), l.temp(t), l.temp(t)
	l.emit(&ir.Assign{Dst: r, Src: intr("mod", t, one, m), Pos: pos})
	l.emit(&ir.Assign{Dst: base, Src: intr("mod", t, b, m), Pos: pos})
	l.emit(&ir.Assign{Dst: ex, Src: e, Pos: pos})
	body := []ir.Stmt{
		&ir.If{
			Cond: ir.Bin(ir.Ne, ir.Bin(ir.BitAnd, ir.Ref(ex), one), zero(t)),
			Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: r, Src: intr("mod", t, ir.Bin(ir.Mul, ir.Ref(r), ir.Ref(base)), m), Pos: pos}}},
			Pos:  pos,
		},
		&ir.Assign{Dst: base, Src: intr("mod", t, ir.Bin(ir.Mul, ir.Ref(base), ir.Ref(base)), m), Pos: pos},
		&ir.Assign{Dst: ex, Src: ir.Bin(ir.Shr, ir.Ref(ex), one), Pos: pos},
	}
	l.emit(&ir.While{Cond: ir.Bin(ir.Gt, ir.Ref(ex), zero(t)), Body: &ir.Block{Stmts: body}, Pos: pos})
	return ir.Ref(r)
}

// Math functions by CPython's error behaviour (Modules/mathmodule.c, 3.11).
var (
	// math_1 with can_overflow = 0: a NaN from a non-NaN argument, or an
	// infinity from a finite one, is ValueError("math domain error").
	mathDomainOnly = map[string]string{
		"sqrt": "sqrt", "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos",
		"acosh": "acosh", "atanh": "atanh", "log1p": "log1p", "log2": "log2", "log10": "log10",
	}
	// math_1 with can_overflow = 1: the infinity is OverflowError("math
	// range error").
	mathCanOverflow = map[string]string{
		"exp": "exp", "expm1": "expm1", "exp2": "exp2", "cosh": "cosh", "sinh": "sinh",
	}
	// Functions that never raise for a float argument.
	mathNoError = map[string]string{
		"atan": "atan", "tanh": "tanh", "erf": "erf", "erfc": "erfc", "asinh": "asinh",
		"cbrt": "cbrt", "degrees": "degrees", "radians": "radians", "fabs": "abs",
	}
	mathNoError2 = map[string]string{"atan2": "atan2", "copysign": "copysign", "hypot": "hypot"}
)

func (l *fnLowerer) mathCall(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	pos := l.pos(e)
	res := l.scalarOf(e)
	ts := l.argTypes(ci)
	args := l.args(e, ci)
	f := func(i int) ir.Expr { return cv(args[i], ir.Float64) }
	name := ci.Name
	want := func(n int) {
		if len(args) != n {
			l.errorf(e, "unsupported: math.%s() with %d arguments", name, len(args))
		}
	}
	if in, ok := mathNoError[name]; ok {
		want(1)
		return cv(intr(in, ir.Float64, f(0)), res)
	}
	if in, ok := mathNoError2[name]; ok {
		want(2)
		return cv(intr(in, ir.Float64, f(0), f(1)), res)
	}
	if in, ok := mathDomainOnly[name]; ok {
		want(1)
		return cv(l.math1(in, f(0), false, pos), res)
	}
	if in, ok := mathCanOverflow[name]; ok {
		want(1)
		return cv(l.math1(in, f(0), true, pos), res)
	}
	switch name {
	case "log":
		if len(args) == 1 {
			return cv(l.math1("log", f(0), false, pos), res)
		}
		want(2)
		// CPython: log(x) / log(base), each checked, then the division.
		num := l.math1("log", f(0), false, pos)
		den := l.simple(l.math1("log", f(1), false, pos), pos)
		l.check(ir.Bin(ir.Ne, den, ir.Float(0)), "ZeroDivisionError", msgFloatDiv, pos)
		return cv(ir.Bin(ir.Div, num, den), res)
	case "gamma", "lgamma":
		want(1)
		x := l.simple(f(0), pos)
		r := l.spill(intr(name, ir.Float64, x), pos)
		// A pole (0 or a negative integer, or -inf for gamma) is a domain
		// error; any other infinity from a finite argument is a range error.
		l.check(not(intr("domain_err", ir.Bool, x, r)), "ValueError", msgDomain, pos)
		pole := and(intr("range_err", ir.Bool, x, r), ir.Bin(ir.Le, x, ir.Float(0)))
		if len(ts) == 0 || !ts[0].IsInt() {
			// An int argument is integral already; testing floor(x) == x
			// would only leave dead code for linters to flag.
			pole = and(pole, ir.Bin(ir.Eq, intr("floor", ir.Float64, x), x))
		}
		l.check(not(pole), "ValueError", msgDomain, pos)
		l.check(not(intr("range_err", ir.Bool, x, r)), "OverflowError", msgRange, pos)
		return cv(r, res)
	case "pow":
		want(2)
		x, y := l.simple(f(0), pos), l.simple(f(1), pos)
		r := l.spill(intr("pow", ir.Float64, x, y), pos)
		fin := and(intr("isfinite", ir.Bool, x), intr("isfinite", ir.Bool, y))
		l.check(not(and(fin, intr("isnan", ir.Bool, r))), "ValueError", msgDomain, pos)
		l.check(not(and(and(fin, intr("isinf", ir.Bool, r)), ir.Bin(ir.Eq, x, ir.Float(0)))), "ValueError", msgDomain, pos)
		l.check(not(and(fin, intr("isinf", ir.Bool, r))), "OverflowError", msgRange, pos)
		return cv(r, res)
	case "fmod":
		want(2)
		x, y := l.simple(f(0), pos), l.simple(f(1), pos)
		r := l.spill(intr("fmod", ir.Float64, x, y), pos)
		l.check(not(and(and(intr("isnan", ir.Bool, r), not(intr("isnan", ir.Bool, x))), not(intr("isnan", ir.Bool, y)))),
			"ValueError", msgDomain, pos)
		return cv(r, res)
	case "floor", "ceil", "trunc":
		want(1)
		if !ts[0].IsFloat() {
			return cv(args[0], res)
		}
		return cv(l.ftoi(intr(name, ts[0], args[0]), pos), res)
	case "isnan", "isinf", "isfinite":
		want(1)
		if !ts[0].IsFloat() {
			return ir.BoolConst(name == "isfinite")
		}
		return intr(name, ir.Bool, args[0])
	case "isclose":
		if len(args) < 2 {
			want(2)
		}
		rel, abs := ir.Expr(ir.Float(1e-9)), ir.Expr(ir.Float(0))
		if len(args) > 2 && args[2] != nil {
			rel = l.simple(f(2), pos)
		}
		if len(args) > 3 && args[3] != nil {
			abs = l.simple(f(3), pos)
		}
		if _, ok := rel.(*ir.ConstExpr); !ok {
			l.check(not(or(ir.Bin(ir.Lt, rel, ir.Float(0)), ir.Bin(ir.Lt, abs, ir.Float(0)))), "ValueError", "tolerances must be non-negative", pos)
		} else if _, ok := abs.(*ir.ConstExpr); !ok {
			l.check(not(or(ir.Bin(ir.Lt, rel, ir.Float(0)), ir.Bin(ir.Lt, abs, ir.Float(0)))), "ValueError", "tolerances must be non-negative", pos)
		}
		return intr("isclose", ir.Bool, f(0), f(1), rel, abs)
	case "gcd":
		if len(args) == 0 {
			return ir.Int(0)
		}
		acc := intr("abs", ir.Int64, cv(args[0], ir.Int64))
		if len(args) > 1 {
			acc = intr("gcd", ir.Int64, cv(args[0], ir.Int64), cv(args[1], ir.Int64))
			for _, a := range args[2:] {
				acc = intr("gcd", ir.Int64, acc, cv(a, ir.Int64))
			}
		}
		return cv(acc, res)
	case "factorial":
		want(1)
		n := l.simple(cv(args[0], ir.Int64), pos)
		l.check(ir.Bin(ir.Ge, n, ir.Int(0)), "ValueError", "factorial() not defined for negative values", pos)
		l.check(ir.Bin(ir.Le, n, ir.Int(20)), "OverflowError", "pyc2go: factorial() result too large for int64", pos)
		return cv(intr("factorial", ir.Int64, n), res)
	case "isqrt":
		want(1)
		return cv(l.isqrt(cv(args[0], ir.Int64), pos), res)
	}
	l.errorf(e, "unsupported: math.%s", name)
	return nil
}

// math1 is CPython's math_1: r = f(x); NaN from non-NaN x is a domain
// error; infinity from finite x is a range error (OverflowError) for
// functions that can overflow, else a domain error (log(0), atanh(1)).
func (l *fnLowerer) math1(fn string, x ir.Expr, canOverflow bool, pos ir.Pos) ir.Expr {
	x = l.simple(x, pos)
	r := l.spill(intr(fn, ir.Float64, x), pos)
	l.check(not(intr("domain_err", ir.Bool, x, r)), "ValueError", msgDomain, pos)
	if canOverflow {
		l.check(not(intr("range_err", ir.Bool, x, r)), "OverflowError", msgRange, pos)
	} else if fn != "sqrt" && fn != "sin" && fn != "cos" && fn != "tan" && fn != "asin" && fn != "acos" && fn != "acosh" {
		// Only the log-like functions (and atanh) can return an infinity
		// from a finite argument.
		l.check(not(intr("range_err", ir.Bool, x, r)), "ValueError", msgDomain, pos)
	}
	return r
}

// isqrt computes math.isqrt(n) from the float square root, corrected by
// integer steps (the float estimate is off by at most one).
func (l *fnLowerer) isqrt(n ir.Expr, pos ir.Pos) ir.Expr {
	n = l.simple(n, pos)
	l.check(ir.Bin(ir.Ge, n, ir.Int(0)), "ValueError", "isqrt() argument must be nonnegative", pos)
	r := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: r, Src: intr("ftoi", ir.Int64, intr("sqrt", ir.Float64, cv(n, ir.Float64))), Pos: pos})
	one := ir.Int(1)
	// r*r > n, written r > n // r to avoid overflow.
	l.emit(&ir.While{
		Cond: and(ir.Bin(ir.Gt, ir.Ref(r), ir.Int(0)), ir.Bin(ir.Gt, ir.Ref(r), intr("floordiv", ir.Int64, n, ir.Ref(r)))),
		Body: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: r, Src: ir.Bin(ir.Sub, ir.Ref(r), one), Pos: pos}}},
		Pos:  pos,
	})
	r1 := ir.Bin(ir.Add, ir.Ref(r), one)
	l.emit(&ir.While{
		Cond: ir.Bin(ir.Le, r1, intr("floordiv", ir.Int64, n, ir.Bin(ir.Add, ir.Ref(r), one))),
		Body: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: r, Src: ir.Bin(ir.Add, ir.Ref(r), one), Pos: pos}}},
		Pos:  pos,
	})
	return ir.Ref(r)
}

func (l *fnLowerer) cmathCall(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	pos := l.pos(e)
	res := l.scalarOf(e)
	args := l.args(e, ci)
	if len(args) != 1 {
		l.errorf(e, "unsupported: cmath.%s() with %d arguments", ci.Name, len(args))
	}
	z := cv(args[0], ir.Complex128)
	switch ci.Name {
	case "sqrt":
		return cv(intr("sqrt", ir.Complex128, z), res)
	case "exp":
		z = l.simple(z, pos)
		// CPython sets EDOM when imag(z) is infinite and real(z) is
		// finite or +inf: cmath.exp(complex(0.5, -inf)) raises.
		re := intr("real", ir.Float64, z)
		l.check(not(and(intr("isinf", ir.Bool, intr("imag", ir.Float64, z)),
			or(intr("isfinite", ir.Bool, re), ir.Bin(ir.Eq, re, ir.Float(math.Inf(1)))))), "ValueError", msgDomain, pos)
		r := l.spill(intr("exp", ir.Complex128, z), pos)
		fin := and(intr("isfinite", ir.Bool, intr("real", ir.Float64, z)), intr("isfinite", ir.Bool, intr("imag", ir.Float64, z)))
		inf := or(intr("isinf", ir.Bool, intr("real", ir.Float64, r)), intr("isinf", ir.Bool, intr("imag", ir.Float64, r)))
		l.check(not(and(fin, inf)), "OverflowError", msgRange, pos)
		return cv(r, res)
	case "log":
		z = l.simple(z, pos)
		l.check(ir.Bin(ir.Ne, z, ir.Complex(0)), "ValueError", msgDomain, pos)
		return cv(intr("log", ir.Complex128, z), res)
	case "phase":
		z = l.simple(z, pos)
		im, re := intr("imag", ir.Float64, z), intr("real", ir.Float64, z)
		r := l.spill(intr("atan2", ir.Float64, im, re), pos)
		// glibc's atan2 sets ERANGE when a nonzero y over a finite x
		// underflows to 0, and cmath.phase turns any errno into
		// OverflowError: cmath.phase(complex(1e300, 5e-324)) raises.
		l.check(not(and(and(ir.Bin(ir.Eq, r, ir.Float(0)), ir.Bin(ir.Ne, im, ir.Float(0))), intr("isfinite", ir.Bool, re))),
			"OverflowError", msgRange, pos)
		return cv(r, res)
	case "isnan", "isinf":
		z = l.simple(z, pos)
		return or(intr(ci.Name, ir.Bool, intr("real", ir.Float64, z)), intr(ci.Name, ir.Bool, intr("imag", ir.Float64, z)))
	case "isfinite":
		z = l.simple(z, pos)
		return and(intr("isfinite", ir.Bool, intr("real", ir.Float64, z)), intr("isfinite", ir.Bool, intr("imag", ir.Float64, z)))
	}
	l.errorf(e, "unsupported: cmath.%s", ci.Name)
	return nil
}
