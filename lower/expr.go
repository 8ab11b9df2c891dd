package lower

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// CPython 3.11 messages (docs/semantics.md) used in more than one place.
const (
	msgIntDivZero   = "integer division or modulo by zero"
	msgIntModZero   = "integer modulo by zero"
	msgDivZero      = "division by zero"
	msgFloatDiv     = "float division by zero"
	msgFloatFloor   = "float floor division by zero"
	msgFloatMod     = "float modulo"
	msgComplexDiv   = "complex division by zero"
	msgZeroNegPow   = "0.0 cannot be raised to a negative power"
	msgPowRange     = "(34, 'Numerical result out of range')"
	msgNegFracPow   = "pyc2go: negative number raised to a fractional power is complex in Python; use complex(x) ** y"
	msgIntNegPow    = "pyc2go: int ** negative int is a float in Python; write float(x) ** n"
	msgNumpyNegPow  = "Integers to negative integer powers are not allowed."
	msgComplexZero  = "0.0 to a negative or complex power"
	msgComplexRange = "complex exponentiation"
	msgNegShift     = "negative shift count"
	msgDomain       = "math domain error"
	msgRange        = "math range error"
	msgNaNToInt     = "cannot convert float NaN to integer"
	msgInfToInt     = "cannot convert float infinity to integer"
	msgIntRange     = "pyc2go: float too large for int64"
	msgCLong        = "Python int too large to convert to C long"
)

// expr lowers a scalar-valued expression: it emits the statements the value
// needs (checks, calls into temporaries) and returns the pure value.
func (l *fnLowerer) expr(e ast.Expr) ir.Expr {
	if v, ok := l.info.Static[e]; ok {
		// A test of None-ness known at compile time (typeinfer/none.go).
		return ir.BoolConst(v)
	}
	if l.elem != nil {
		if v, ok := l.elem[e]; ok {
			return v
		}
	} else if l.isArrayExpr(e) {
		// An array as a value (a call argument, a returned array).
		return ir.Ref(l.arrayVar(e))
	} else if t, ok := l.listType(e); ok {
		return l.listExpr(e, t) // list.go
	}
	switch e := e.(type) {
	case *ast.Num:
		return l.num(e, l.scalarOf(e))
	case *ast.NameConstant:
		switch e.Value {
		case py.True:
			return ir.BoolConst(true)
		case py.False:
			return ir.BoolConst(false)
		}
		l.errorf(e, "unsupported: None as a value")
	case *ast.Name:
		switch obj := l.info.Uses[e].(type) {
		case *typeinfer.Const:
			return constExpr(obj.Type, obj.Value)
		case *typeinfer.Local, nil:
			return ir.Ref(l.scalarVar(e))
		}
		l.errorf(e, "unsupported: '%s' used as a value", e.Id)
	case *ast.Attribute:
		return l.attr(e)
	case *ast.UnaryOp:
		return l.unary(e)
	case *ast.BinOp:
		if l.isMatMul(e) {
			v, _ := l.product(e)
			return v
		}
		lt, rt, res := l.scalarOf(e.Left), l.scalarOf(e.Right), l.scalarOf(e)
		v := l.seq(l.pos(e), e.Left, e.Right)
		if l.npScalar(e.Left) || l.npScalar(e.Right) {
			return l.numpyBinop(e.Op, v[0], lt, v[1], rt, res, l.pos(e))
		}
		return l.binop(e.Op, v[0], lt, v[1], rt, res, l.pos(e))
	case *ast.BoolOp:
		return l.boolOp(e)
	case *ast.Compare:
		if isNoneCompare(e) {
			return l.isNoneTest(e)
		}
		if t, ok := l.listType(e.Comparators[0]); ok && len(e.Ops) == 1 && (e.Ops[0] == ast.In || e.Ops[0] == ast.NotIn) {
			return l.listContains(e, t) // list.go
		}
		return l.compare(e)
	case *ast.IfExp:
		res := l.scalarOf(e)
		t := l.ifExp(e, []ir.Type{res}, func(x ast.Expr) []ir.Expr { return []ir.Expr{l.expr(x)} })
		return t[0]
	case *ast.Call:
		return l.call(e)
	case *ast.Subscript:
		return l.subscript(e)
	case *ast.Tuple:
		l.errorf(e, "unsupported: tuple used as a scalar value")
	}
	l.errorf(e, "unsupported: expression %T", e)
	return nil
}

// seq lowers es in order. Each operand is lowered into its own buffer first;
// an earlier operand that calls a function or reads memory is spilled into
// a temporary when a later operand emits statements, so Python's
// left-to-right evaluation order holds. Pure operands stay trees: a later
// operand's statements cannot change them (expressions never assign Python
// variables).
func (l *fnLowerer) seq(pos ir.Pos, es ...ast.Expr) []ir.Expr {
	return l.seqFn(pos, len(es), func(i int) ir.Expr { return l.expr(es[i]) })
}

func (l *fnLowerer) seqFn(pos ir.Pos, n int, lowerI func(i int) ir.Expr) []ir.Expr {
	bufs := make([][]ir.Stmt, n)
	vals := make([]ir.Expr, n)
	for i := 0; i < n; i++ {
		bufs[i] = l.block(func() { vals[i] = lowerI(i) })
	}
	for i := 0; i < n; i++ {
		*l.cur = append(*l.cur, bufs[i]...)
		later := false
		for j := i + 1; j < n; j++ {
			later = later || len(bufs[j]) > 0
		}
		if later && vals[i] != nil && ir.TouchesMemory(vals[i]) {
			vals[i] = l.spill(vals[i], pos)
		}
	}
	return vals
}

func (l *fnLowerer) num(e *ast.Num, t ir.Scalar) *ir.ConstExpr {
	switch n := e.N.(type) {
	case py.Int:
		return constExpr(t, int64(n))
	case py.Float:
		return constExpr(t, float64(n))
	case py.Complex:
		return constExpr(t, complex128(n))
	case py.Bool:
		return constExpr(t, bool(n))
	case *py.BigInt:
		if t == ir.Uint64 && typeinfer.U64Literal(n) {
			// np.uint64(0xFFFFFFFFFFFFFFFF): the IR keeps a uint64
			// constant's bits in an int64.
			return constExpr(t, int64((*big.Int)(n).Uint64()))
		}
	}
	l.errorf(e, "unsupported: integer literal outside int64")
	return nil
}

func (l *fnLowerer) attr(e *ast.Attribute) ir.Expr {
	ai := l.info.Attrs[e]
	if ai == nil {
		l.errorf(e, "unsupported: attribute '%s'", e.Attr)
	}
	switch ai.Kind {
	case typeinfer.AttrConst:
		return constExpr(ai.Type, ai.Value)
	case typeinfer.AttrNdim, typeinfer.AttrSize:
		return l.arrayAttr(e, ai)
	case typeinfer.AttrReal, typeinfer.AttrImag:
		x := l.expr(e.Value)
		xt := l.scalarOf(e.Value)
		if xt.IsComplex() {
			name := "real"
			if ai.Kind == typeinfer.AttrImag {
				name = "imag"
			}
			return cv(intr(name, partType(xt), x), ai.Type)
		}
		if ai.Kind == typeinfer.AttrImag {
			return zero(ai.Type)
		}
		return cv(x, ai.Type)
	}
	l.errorf(e, "unsupported: attribute '%s'", e.Attr)
	return nil
}

func (l *fnLowerer) unary(e *ast.UnaryOp) ir.Expr {
	res := l.scalarOf(e)
	if e.Op == ast.USub {
		// A negative literal is one constant, as in CPython's AST.
		if n, ok := e.Operand.(*ast.Num); ok {
			if c := negConst(l.num(n, l.scalarOf(n))); c != nil {
				return constExpr(res, c.Value)
			}
		}
	}
	x := l.expr(e.Operand)
	switch e.Op {
	case ast.USub:
		return &ir.Unary{Op: ir.Neg, X: cv(x, res)}
	case ast.UAdd:
		return cv(x, res)
	case ast.Invert:
		if res == ir.Bool {
			return not(x) // ~ of a numpy bool (array element) is logical not
		}
		return &ir.Unary{Op: ir.BitNot, X: cv(x, res)}
	case ast.Not:
		return not(truth(x))
	}
	l.errorf(e, "unsupported: unary operator %s", e.Op)
	return nil
}

// negConst negates a constant exactly as Python does (ints wrap), or nil.
func negConst(c *ir.ConstExpr) *ir.ConstExpr {
	switch v := c.Value.(type) {
	case int64:
		return &ir.ConstExpr{T: c.T, Value: -v}
	case float64:
		return &ir.ConstExpr{T: c.T, Value: -v}
	case complex128:
		return &ir.ConstExpr{T: c.T, Value: -v}
	}
	return nil
}

// isNumpy reports whether arithmetic on these types follows numpy rules:
// the sized scalar kinds only exist through numpy annotations. (np.int64,
// np.float64 and np.complex128 share IR types with Python's int, float and
// complex, so they get Python semantics: documented.)
func isNumpy(ts ...ir.Scalar) bool {
	for _, t := range ts {
		switch t {
		case ir.Bool, ir.Int64, ir.Float64, ir.Complex128, ir.Invalid:
		default:
			return true
		}
	}
	return false
}

// binop lowers x op y where typeinfer gave the operands types xt, yt and the
// result type res.
func (l *fnLowerer) binop(op ast.OperatorNumber, x ir.Expr, xt ir.Scalar, y ir.Expr, yt ir.Scalar, res ir.Scalar, pos ir.Pos) ir.Expr {
	numpy := isNumpy(xt, yt, res) || l.npMode
	switch op {
	case ast.Add, ast.Sub, ast.Mult:
		return ir.Bin(arith[op], cv(x, res), cv(y, res))
	case ast.BitAnd, ast.BitOr, ast.BitXor:
		return ir.Bin(arith[op], cv(x, res), cv(y, res))
	case ast.LShift, ast.RShift:
		x, y = cv(x, res), cv(y, res)
		if !numpy {
			y = l.simple(y, pos)
			l.check(ir.Bin(ir.Ge, y, zero(res)), "ValueError", msgNegShift, pos)
		}
		return ir.Bin(arith[op], x, y)
	case ast.Div:
		return l.div(x, xt, y, yt, res, numpy, pos)
	case ast.FloorDiv, ast.Modulo:
		return l.floorMod(op, x, y, res, numpy, pos)
	case ast.Pow:
		return l.pow(x, xt, y, yt, res, numpy, true, pos)
	}
	panic("unknown binary operator")
}

var arith = map[ast.OperatorNumber]ir.BinOp{
	ast.Add: ir.Add, ast.Sub: ir.Sub, ast.Mult: ir.Mul,
	ast.BitAnd: ir.BitAnd, ast.BitOr: ir.BitOr, ast.BitXor: ir.BitXor,
	ast.LShift: ir.Shl, ast.RShift: ir.Shr,
}

func (l *fnLowerer) div(x ir.Expr, xt ir.Scalar, y ir.Expr, yt ir.Scalar, res ir.Scalar, numpy bool, pos ir.Pos) ir.Expr {
	if res.IsFloat() && !numpy && !xt.IsFloat() && !yt.IsFloat() {
		// int / int: CPython's correctly rounded int true division.
		x, y = cv(x, ir.Int64), l.simple(cv(y, ir.Int64), pos)
		l.check(ir.Bin(ir.Ne, y, ir.Int(0)), "ZeroDivisionError", msgDivZero, pos)
		return intr("truediv", res, x, y)
	}
	// numpy int / int converts both to the float type and divides: exactly
	// what Conv + Div does.
	x, y = cv(x, res), cv(y, res)
	if !numpy {
		y = l.simple(y, pos)
		msg := msgFloatDiv
		if res.IsComplex() {
			msg = msgComplexDiv
		}
		l.check(ir.Bin(ir.Ne, y, zero(res)), "ZeroDivisionError", msg, pos)
	}
	return ir.Bin(ir.Div, x, y)
}

func (l *fnLowerer) floorMod(op ast.OperatorNumber, x, y ir.Expr, res ir.Scalar, numpy bool, pos ir.Pos) ir.Expr {
	name, msg := "floordiv", msgIntDivZero
	if op == ast.Modulo {
		name, msg = "mod", msgIntModZero
	}
	if res.IsFloat() {
		msg = msgFloatFloor
		if op == ast.Modulo {
			msg = msgFloatMod
		}
	}
	x, y = cv(x, res), l.simple(cv(y, res), pos)
	if !numpy {
		l.check(ir.Bin(ir.Ne, y, zero(res)), "ZeroDivisionError", msg, pos)
		return intr(name, res, x, y)
	}
	if knownNonZero(y) {
		return intr(name, res, x, y)
	}
	// numpy does not raise: integer // and % by zero give 0, float // gives
	// x / 0 (inf or nan) and float % gives nan.
	x = l.simple(x, pos)
	t := l.temp(res)
	var zeroCase ir.Expr = zero(res)
	if res.IsFloat() {
		if op == ast.FloorDiv {
			zeroCase = ir.Bin(ir.Div, x, y)
		} else {
			zeroCase = &ir.ConstExpr{T: res, Value: math.NaN()}
		}
	}
	l.emit(&ir.If{
		Cond: ir.Bin(ir.Ne, y, zero(res)),
		Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: intr(name, res, x, y), Pos: pos}}},
		Else: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: zeroCase, Pos: pos}}},
		Pos:  pos,
	})
	return ir.Ref(t)
}

// pow lowers x ** y (and pow(x, y)) per docs/semantics.md; operator is
// false for np.power(x, y), which numpy computes without the shortcuts of
// its ** operator.
func (l *fnLowerer) pow(x ir.Expr, xt ir.Scalar, y ir.Expr, yt ir.Scalar, res ir.Scalar, numpy, operator bool, pos ir.Pos) ir.Expr {
	if operator && l.npMode && l.elem != nil && (res.IsFloat() || res.IsComplex()) && !yt.IsComplex() {
		// numpy's fast_scalar_power (the ** operator on arrays, not on
		// numpy scalars): an array to a scalar power of 2, 0.5, 1 or -1 is
		// square, sqrt, a copy or reciprocal, which for float arrays are
		// bit for bit x*x, sqrt(x), x and 1/x. For complex arrays only the
		// square is z*z (numpy's complex reciprocal and sqrt round
		// otherwise than 1/z and cmath's sqrt). Other exponents (x**3)
		// are numpy's pow: multiplying would round otherwise. np.power
		// has no shortcut at all: np.power(x, 2) is pow(x, 2.0), which
		// numpy's AVX-512 pow does not round like x*x (operator false).
		if c, ok := y.(*ir.ConstExpr); ok {
			xf := cv(x, res)
			switch v := constFloat(c); {
			case v == 2:
				xf = l.simple(xf, pos)
				return ir.Bin(ir.Mul, xf, xf)
			case res.IsComplex():
			case v == 0.5:
				return intr("sqrt", res, xf)
			case v == 1:
				return xf
			case v == -1:
				return ir.Bin(ir.Div, cv(ir.Int(1), res), xf)
			}
		}
	}
	switch {
	case res.IsComplex():
		x, y = l.simple(cv(x, res), pos), l.simple(cv(y, res), pos)
		if numpy {
			return intr("pow", res, x, y)
		}
		pt := partType(res)
		l.check(not(and(ir.Bin(ir.Eq, x, zero(res)),
			or(ir.Bin(ir.Lt, intr("real", pt, y), zero(pt)), ir.Bin(ir.Ne, intr("imag", pt, y), zero(pt))))),
			"ZeroDivisionError", msgComplexZero, pos)
		r := l.spill(intr("pow", res, x, y), pos)
		l.check(not(or(intr("isinf", ir.Bool, intr("real", pt, r)), intr("isinf", ir.Bool, intr("imag", pt, r)))),
			"OverflowError", msgComplexRange, pos)
		return r

	case res.IsInt():
		x, y = cv(x, res), cv(y, res)
		if c, ok := y.(*ir.ConstExpr); ok && c.Value.(int64) >= 0 {
			if c.Value.(int64) == 2 && duplicable(x, 16) {
				// x*x is x**2 in wrapping arithmetic, and unlike the
				// out-of-line powi it lets C compilers vectorise a
				// square ((x - y) ** 2 over arrays).
				return ir.Bin(ir.Mul, x, x)
			}
			return intr("powi", res, x, y)
		}
		y = l.simple(y, pos)
		msg := msgIntNegPow
		if numpy {
			msg = msgNumpyNegPow
		}
		l.check(ir.Bin(ir.Ge, y, zero(res)), "ValueError", msg, pos)
		return intr("powi", res, x, y)
	}

	// Float result.
	if numpy {
		return intr("pow", res, cv(x, res), cv(y, res))
	}
	xf := l.simple(cv(x, res), pos)
	if c, ok := y.(*ir.ConstExpr); ok {
		yv := constFloat(c)
		yc := &ir.ConstExpr{T: res, Value: yv}
		if math.IsNaN(yv) || math.IsInf(yv, 0) {
			return intr("pow", res, xf, yc) // CPython raises nothing for these
		}
		if yv == 2 {
			// x*x is bit-identical to C pow(x, 2); it still overflows like
			// pow does.
			r := l.spill(ir.Bin(ir.Mul, xf, xf), pos)
			l.check(not(intr("range_err", ir.Bool, xf, r)), "OverflowError", msgPowRange, pos)
			return r
		}
		if yv < 0 {
			l.check(ir.Bin(ir.Ne, xf, zero(res)), "ZeroDivisionError", msgZeroNegPow, pos)
		}
		if yv != math.Floor(yv) {
			l.check(not(and(ir.Bin(ir.Lt, xf, zero(res)), intr("isfinite", ir.Bool, xf))), "ValueError", msgNegFracPow, pos)
		}
		r := l.spill(intr("pow", res, xf, yc), pos)
		// |x| ** y with 0 <= y <= 1 cannot overflow, nor can an integer
		// base (|x| >= 1 once 0 is excluded) to a negative power.
		if !(yv >= 0 && yv <= 1) && !(yv < 0 && !xt.IsFloat()) {
			l.check(not(intr("range_err", ir.Bool, xf, r)), "OverflowError", msgPowRange, pos)
		}
		return r
	}
	yf := l.simple(cv(y, res), pos)
	fin := func(e ir.Expr) ir.Expr { return intr("isfinite", ir.Bool, e) }
	l.check(not(and(and(ir.Bin(ir.Eq, xf, zero(res)), ir.Bin(ir.Lt, yf, zero(res))), fin(yf))),
		"ZeroDivisionError", msgZeroNegPow, pos)
	l.check(not(and(and(and(ir.Bin(ir.Lt, xf, zero(res)), fin(xf)), fin(yf)),
		ir.Bin(ir.Ne, intr("floor", res, yf), yf))), "ValueError", msgNegFracPow, pos)
	r := l.spill(intr("pow", res, xf, yf), pos)
	l.check(not(and(and(intr("isinf", ir.Bool, r), fin(xf)), fin(yf))), "OverflowError", msgPowRange, pos)
	return r
}

func constFloat(c *ir.ConstExpr) float64 {
	switch v := c.Value.(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	case bool:
		if v {
			return 1
		}
	}
	return 0
}

func (l *fnLowerer) boolOp(e *ast.BoolOp) ir.Expr {
	res := l.scalarOf(e)
	// An operand whose value typeinfer knows ends the evaluation there:
	// the ones after it were not checked (typeinfer/none.go).
	vals := e.Values
	for k, v := range vals {
		if sv, ok := l.info.Static[v]; ok && sv == (e.Op == ast.Or) {
			vals = vals[:k+1]
			break
		}
	}
	allBool := res == ir.Bool
	for _, v := range vals {
		allBool = allBool && l.scalarOf(v) == ir.Bool
	}
	first := cv(l.expr(vals[0]), res)
	return l.boolChain(e.Op == ast.And, allBool, first, vals[1:], res, l.pos(e))
}

// boolChain continues `acc and rest...` (or `or`). Bool operands whose
// right side needs no statements become && / ||; otherwise an If assigns a
// temporary, which keeps short-circuiting and Python's "return an operand
// unchanged" rule.
func (l *fnLowerer) boolChain(isAnd, allBool bool, acc ir.Expr, rest []ast.Expr, res ir.Scalar, pos ir.Pos) ir.Expr {
	if len(rest) == 0 {
		return acc
	}
	var b ir.Expr
	stmts := l.block(func() { b = cv(l.expr(rest[0]), res) })
	if allBool && len(stmts) == 0 {
		op := ir.OrOr
		if isAnd {
			op = ir.AndAnd
		}
		return l.boolChain(isAnd, allBool, ir.Bin(op, acc, b), rest[1:], res, pos)
	}
	t := l.temp(res)
	l.emit(&ir.Assign{Dst: t, Src: acc, Pos: pos})
	cond := truth(ir.Ref(t))
	if !isAnd {
		cond = not(cond)
	}
	then := l.block(func() {
		*l.cur = append(*l.cur, stmts...)
		v := l.boolChain(isAnd, allBool, b, rest[1:], res, pos)
		l.emit(&ir.Assign{Dst: t, Src: v, Pos: pos})
	})
	l.emit(&ir.If{Cond: cond, Then: &ir.Block{Stmts: then}, Pos: pos})
	return ir.Ref(t)
}

var cmpOps = map[ast.CmpOp]ir.BinOp{
	ast.Eq: ir.Eq, ast.NotEq: ir.Ne, ast.Lt: ir.Lt, ast.LtE: ir.Le, ast.Gt: ir.Gt, ast.GtE: ir.Ge,
}

// compare lowers a (possibly chained) comparison: middle operands are
// evaluated once, and a later operand is evaluated only when every earlier
// comparison held.
func (l *fnLowerer) compare(e *ast.Compare) ir.Expr {
	if ta, ok := l.typeOf(e.Left).(*ir.Tuple); ok && len(e.Ops) == 1 {
		tb, ok := l.typeOf(e.Comparators[0]).(*ir.Tuple)
		if !ok {
			l.errorf(e, "unsupported: comparison of a tuple and a number")
		}
		pos := l.pos(e)
		a := l.tuple(e.Left)
		for i := range a {
			if mayHaveEffects(a[i]) {
				a[i] = l.spill(a[i], pos)
			}
		}
		return l.tupleCompare(e.Ops[0], a, ta, l.tuple(e.Comparators[0]), tb, pos)
	}
	for _, op := range e.Ops {
		if _, ok := cmpOps[op]; !ok {
			l.errorf(e, "unsupported: comparison operator %s", op)
		}
	}
	pos := l.pos(e)
	operands := append([]ast.Expr{e.Left}, e.Comparators...)
	types := make([]ir.Scalar, len(operands))
	for i, o := range operands {
		types[i] = l.scalarOf(o)
	}
	cmp := func(i int, x, y ir.Expr) ir.Expr {
		ct := promote(types[i], types[i+1])
		return ir.Bin(cmpOps[e.Ops[i]], cv(x, ct), cv(y, ct))
	}
	middle := func(i int, v ir.Expr) ir.Expr {
		if i > 0 && i < len(operands)-1 {
			switch v.(type) {
			case *ir.VarRef, *ir.ConstExpr:
			default:
				v = l.spill(v, pos)
			}
		}
		return v
	}
	// The first two operands are always evaluated.
	v := l.seqFn(pos, 2, func(i int) ir.Expr { return middle(i, l.expr(operands[i])) })
	acc := cmp(0, v[0], v[1])
	prev := v[1]
	return l.compareRest(acc, prev, 2, operands, cmp, middle, pos)
}

func (l *fnLowerer) compareRest(acc, prev ir.Expr, i int, operands []ast.Expr,
	cmp func(int, ir.Expr, ir.Expr) ir.Expr, middle func(int, ir.Expr) ir.Expr, pos ir.Pos) ir.Expr {
	if i == len(operands) {
		return acc
	}
	var y ir.Expr
	stmts := l.block(func() { y = middle(i, l.expr(operands[i])) })
	if len(stmts) == 0 {
		return l.compareRest(ir.Bin(ir.AndAnd, acc, cmp(i-1, prev, y)), y, i+1, operands, cmp, middle, pos)
	}
	t := l.temp(ir.Bool)
	l.emit(&ir.Assign{Dst: t, Src: acc, Pos: pos})
	then := l.block(func() {
		*l.cur = append(*l.cur, stmts...)
		v := l.compareRest(cmp(i-1, prev, y), y, i+1, operands, cmp, middle, pos)
		l.emit(&ir.Assign{Dst: t, Src: v, Pos: pos})
	})
	l.emit(&ir.If{Cond: ir.Ref(t), Then: &ir.Block{Stmts: then}, Pos: pos})
	return ir.Ref(t)
}

// ifExp lowers `a if c else b` into an If assigning one temporary per value
// (one for a scalar, one per element for a tuple).
func (l *fnLowerer) ifExp(e *ast.IfExp, types []ir.Type, arm func(ast.Expr) []ir.Expr) []ir.Expr {
	if v, ok := l.info.Static[e.Test]; ok {
		// Only the arm the test leaves was checked (typeinfer/none.go).
		live := e.Orelse
		if v {
			live = e.Body
		}
		vals := arm(live)
		for i := range vals {
			vals[i] = convTo(vals[i], types[i])
		}
		return vals
	}
	pos := l.pos(e)
	cond := l.cond(e.Test)
	ts := make([]*ir.Var, len(types))
	refs := make([]ir.Expr, len(types))
	for i, t := range types {
		ts[i] = l.temp(t)
		refs[i] = ir.Ref(ts[i])
	}
	assign := func(x ast.Expr) []ir.Stmt {
		return l.block(func() {
			vals := arm(x)
			for i, v := range vals {
				l.emit(&ir.Assign{Dst: ts[i], Src: convTo(v, types[i]), Pos: pos})
			}
		})
	}
	then := assign(e.Body)
	els := assign(e.Orelse)
	l.emit(&ir.If{Cond: cond, Then: &ir.Block{Stmts: then}, Else: &ir.Block{Stmts: els}, Pos: pos})
	return refs
}

// cond lowers e as a truth value.
func (l *fnLowerer) cond(e ast.Expr) ir.Expr { return truth(l.expr(e)) }

func (l *fnLowerer) subscript(e *ast.Subscript) ir.Expr {
	if t, ok := l.listType(e.Value); ok {
		return l.listGet(e, t) // list.go
	}
	if l.isArrayExpr(e.Value) {
		return l.arraySubscript(e)
	}
	vals := l.tupleSubscript(e)
	if len(vals) != 1 {
		l.errorf(e, "unsupported: a tuple element used as a single value")
	}
	return vals[0]
}

// Small IR builders.

func intr(name string, t ir.Type, args ...ir.Expr) *ir.Intrinsic {
	return &ir.Intrinsic{Name: name, Args: args, T: t}
}

func not(e ir.Expr) ir.Expr {
	if u, ok := e.(*ir.Unary); ok && u.Op == ir.Not {
		return u.X
	}
	if c, ok := e.(*ir.ConstExpr); ok && c.T == ir.Bool {
		return ir.BoolConst(!c.Value.(bool))
	}
	return &ir.Unary{Op: ir.Not, X: e}
}

func and(a, b ir.Expr) ir.Expr { return ir.Bin(ir.AndAnd, a, b) }
func or(a, b ir.Expr) ir.Expr  { return ir.Bin(ir.OrOr, a, b) }

// zero is the constant 0 of a numeric type (false for bool).
func zero(t ir.Scalar) *ir.ConstExpr {
	switch {
	case t.IsInt():
		return &ir.ConstExpr{T: t, Value: int64(0)}
	case t.IsFloat():
		return &ir.ConstExpr{T: t, Value: 0.0}
	case t.IsComplex():
		return &ir.ConstExpr{T: t, Value: complex128(0)}
	}
	return ir.BoolConst(false)
}

// truth is Python's truth value of a scalar.
func truth(e ir.Expr) ir.Expr {
	if _, ok := e.Type().(*ir.List); ok {
		return ir.Bin(ir.Ne, listLen(e), ir.Int(0)) // a list is true when not empty
	}
	t, _ := e.Type().(ir.Scalar)
	if t == ir.Bool {
		return e
	}
	return ir.Bin(ir.Ne, e, zero(t))
}

// partType is the float type of a complex type's parts.
func partType(t ir.Scalar) ir.Scalar {
	switch t {
	case ir.Complex64:
		return ir.Float32
	case ir.Complex128:
		return ir.Float64
	}
	return t
}

// convTo converts a scalar expression to a scalar type.
func convTo(e ir.Expr, t ir.Type) ir.Expr {
	if s, ok := t.(ir.Scalar); ok {
		return convert(e, s)
	}
	typeEmptyList(e, t) // list.go
	return e
}

// convert is ir.Conv plus Python's truthiness for conversions to bool.
func convert(e ir.Expr, t ir.Scalar) ir.Expr {
	if t == ir.Bool {
		return truth(e)
	}
	return cv(e, t)
}

func knownNonZero(e ir.Expr) bool {
	c, ok := e.(*ir.ConstExpr)
	if !ok {
		return false
	}
	switch v := c.Value.(type) {
	case int64:
		return v != 0
	case float64:
		return v != 0
	case complex128:
		return v != 0
	}
	return false
}

// promote is the common type two operands are compared (or, for augmented
// assignment, computed) in: numpy's type promotion, where Python's bool,
// int, float and complex are bool, int64, float64 and complex128.
func promote(a, b ir.Scalar) ir.Scalar { return numpy.Promote(a, b) }

// arithResult is the type of x op y for an augmented assignment (which has
// no expression node typeinfer could have typed).
func arithResult(op ast.OperatorNumber, a, b ir.Scalar, rightConst *ir.ConstExpr) ir.Scalar {
	t := promote(a, b)
	switch op {
	case ast.BitAnd, ast.BitOr, ast.BitXor:
		return t
	}
	if t == ir.Bool {
		t = ir.Int64
	}
	switch op {
	case ast.Div:
		if t.IsInt() {
			return ir.Float64
		}
	case ast.Pow:
		if t.IsInt() && !isNumpy(a, b) && rightConst != nil {
			if v, ok := rightConst.Value.(int64); ok && v < 0 {
				return ir.Float64
			}
		}
	}
	return t
}

// cv is ir.Conv that converts a constant operand at once (exactly, as
// constfold would), so that literals read as literals even at -O0:
// `acc / 2` divides by 2.0, not by float64(2).
func cv(e ir.Expr, t ir.Scalar) ir.Expr {
	if c, ok := e.(*ir.ConstExpr); ok && c.T != t {
		if r := ir.ConvertConst(c, t); r != nil {
			return r
		}
	}
	return ir.Conv(e, t)
}

// mayHaveEffects reports whether e reads memory or calls a function: such
// an operand must be evaluated before a later operand's statements run
// (a call may store into an array the load reads).
func mayHaveEffects(e ir.Expr) bool {
	found := false
	ir.Inspect(e, func(n ir.Node) bool {
		switch n.(type) {
		case *ir.Call, *ir.Load:
			found = true
		}
		return !found
	})
	return found
}
