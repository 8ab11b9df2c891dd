package emitgo

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

const (
	runtimePkg = "github.com/pyc2go/pyc2go/runtime"
	// linalgPkg is np.linalg's runtime (and the BLAS-backed products),
	// which imports gonum: only code that calls it imports it.
	linalgPkg = "github.com/pyc2go/pyc2go/runtime/linalg"
	mathPkg   = "math"
	cmplxPkg  = "math/cmplx"
)

// Go operator precedences; precPrimary is an operand, conversion, call or
// unary expression.
const (
	precOrOr = 1 + iota
	precAndAnd
	precCmp
	precAdd
	precMul
	precPrimary
)

// gx is an emitted Go expression.
type gx struct {
	code *jen.Statement
	prec int
	// konst: the Go expression is a constant expression. Go evaluates
	// those exactly at compile time (no IEEE rounding of intermediate
	// results, no wrap-around, and overflow or a zero divisor is a compile
	// error), so an operator never gets only constant operands; see hoist.
	konst bool
	// zero: a constant zero (a divisor Go rejects at compile time).
	zero bool
	// untyped: konst and written as a bare literal whose Go default type is
	// the IR type (int64 is the exception: a bare 3 defaults to int).
	untyped bool
}

func primary(c *jen.Statement) gx { return gx{code: c, prec: precPrimary} }

// operand returns x as an operand of an operator of precedence p; right
// operands of the same precedence are parenthesised too, because floating
// point addition is not associative and a-(b-c) is not a-b-c.
func (x gx) operand(p int, right bool) *jen.Statement {
	if x.prec < p || (right && x.prec == p) {
		return jen.Parens(x.code)
	}
	return x.code
}

func scalarOf(t ir.Type) (ir.Scalar, error) {
	switch t := t.(type) {
	case ir.Scalar:
		return t, nil
	}
	return ir.Invalid, fmt.Errorf("want a scalar type, got %s", t)
}

func goType(t ir.Scalar) *jen.Statement { return jen.Id(t.String()) }

// conv is the Go conversion T(x).
func conv(t ir.Scalar, x gx) gx { return primary(goType(t).Call(x.code)) }

// expr emits x. A float product in the result is not rounded yet: callers
// that store or pass the value use valueExpr.
func (e *funcEmitter) expr(x ir.Expr) (gx, error) {
	switch x := x.(type) {
	case *ir.ConstExpr:
		return constExpr(x)
	case *ir.VarRef:
		name, ok := e.names.vars[x.V]
		if !ok {
			return gx{}, fmt.Errorf("variable %s is not a parameter or local of %s", x.V.Name, e.f.Name)
		}
		e.read[x.V] = true
		return primary(jen.Id(name)), nil
	case *ir.Unary:
		return e.unary(x)
	case *ir.Binary:
		return e.binary(x)
	case *ir.Convert:
		return e.convert(x)
	case *ir.Intrinsic:
		return e.intrinsic(x)
	case *ir.Call:
		name, ok := e.mod[x.Fn]
		if !ok {
			return gx{}, fmt.Errorf("call of %s: not a function of the module", x.Fn.Name)
		}
		if x.Fn.Raises || len(ir.ResultTypes(x.Fn.Result)) != 1 {
			return gx{}, fmt.Errorf("call of %s as an expression: it raises or has no single result (want a CallStmt)", x.Fn.Name)
		}
		args, err := e.args(x.Args)
		if err != nil {
			return gx{}, err
		}
		return primary(jen.Id(name).Call(args...)), nil
	case *ir.Dim:
		return e.dim(x)
	case *ir.Load:
		return e.load(x)
	case nil:
		return gx{}, fmt.Errorf("nil expression")
	}
	return gx{}, fmt.Errorf("unknown expression %T", x)
}

// valueExpr emits x where its value is stored, returned or passed on.
// A float product there is rounded explicitly (float64(a*b)): Go may fuse a
// multiplication with an addition into an FMA even across statements (the
// spec allows it; arm64, ppc64le, s390x and riscv64 do it), and only an
// explicit conversion forbids that.
func (e *funcEmitter) valueExpr(x ir.Expr) (gx, error) {
	g, err := e.expr(x)
	if err != nil {
		return gx{}, err
	}
	return roundProduct(x, g), nil
}

// roundProduct wraps g, the emitted x, in T(...) when x is a float or
// complex multiplication that Go could fuse with a later addition.
func roundProduct(x ir.Expr, g gx) gx {
	b, ok := x.(*ir.Binary)
	if !ok || b.Op != ir.Mul || g.konst {
		return g
	}
	t, _ := b.Type().(ir.Scalar)
	if !t.IsFloat() && !t.IsComplex() {
		return g
	}
	if g.prec == precPrimary {
		// Already a call (runtime.ComplexMul) or a conversion.
		return g
	}
	return conv(t, g)
}

func (e *funcEmitter) args(xs []ir.Expr) ([]jen.Code, error) {
	out := make([]jen.Code, len(xs))
	for i, x := range xs {
		g, err := e.valueExpr(x)
		if err != nil {
			return nil, err
		}
		out[i] = g.code
	}
	return out, nil
}

// constExpr prints a constant. Finite values are Go constants: Python's
// shortest repr round-trips, and Go converts a constant to float64 with
// round-to-nearest-even, so the literal denotes exactly the IR's value.
// Infinities, NaN and negative zero have no Go constant form (constant -0.0
// is 0) and become calls, which are not constants.
func constExpr(c *ir.ConstExpr) (gx, error) {
	g, err := constExpr1(c)
	g.zero = g.konst && isZeroConst(c)
	return g, err
}

func constExpr1(c *ir.ConstExpr) (gx, error) {
	switch v := c.Value.(type) {
	case bool:
		return gx{code: jen.Id(strconv.FormatBool(v)), prec: precPrimary, konst: true, untyped: true}, nil
	case int64:
		if !c.T.IsInt() {
			break
		}
		s := strconv.FormatInt(v, 10)
		if c.T == ir.Uint64 {
			s = strconv.FormatUint(uint64(v), 10)
		}
		g := gx{code: jen.Id(s), prec: precPrimary, konst: true}
		if v < 0 {
			g.prec = precMul + 1 // unary minus: binds tighter than any binary operator
		}
		if c.T != ir.Int64 {
			return gx{code: goType(c.T).Call(jen.Id(s)), prec: precPrimary, konst: true}, nil
		}
		g.untyped = true
		return g, nil
	case float64:
		if !c.T.IsFloat() {
			break
		}
		lit, special := floatLit(v, c.T)
		switch {
		case special && c.T == ir.Float32:
			return primary(jen.Float32().Call(lit.code)), nil
		case special:
			return lit, nil
		case c.T == ir.Float32:
			return gx{code: jen.Float32().Call(lit.code), prec: precPrimary, konst: true}, nil
		}
		lit.untyped = true
		return lit, nil
	case complex128:
		if !c.T.IsComplex() {
			break
		}
		// complex(re, im) of two untyped constants is an untyped complex
		// constant (complex128 by default); float32 parts make it complex64.
		part := realPart(c.T)
		re, err := constExpr(&ir.ConstExpr{T: part, Value: real(v)})
		if err != nil {
			return gx{}, err
		}
		im, err := constExpr(&ir.ConstExpr{T: part, Value: imag(v)})
		if err != nil {
			return gx{}, err
		}
		k := re.konst && im.konst
		return gx{code: jen.Id("complex").Call(re.code, im.code), prec: precPrimary, konst: k, untyped: k && c.T == ir.Complex128}, nil
	}
	return gx{}, fmt.Errorf("constant of type %s has Go value %T", c.T, c.Value)
}

// floatLit prints v as a Go literal (special reports a value without a
// literal, printed as a call instead). float32 values print in their
// shortest float32 form, which Go's constant conversion maps back exactly.
func floatLit(v float64, t ir.Scalar) (g gx, special bool) {
	if math.IsInf(v, 0) || math.IsNaN(v) || (v == 0 && math.Signbit(v)) {
		return primary(floatSpecial(v)), true
	}
	bits := 64
	if t == ir.Float32 {
		bits = 32
	}
	s := strconv.FormatFloat(v, 'g', -1, bits)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	g = gx{code: jen.Id(s), prec: precPrimary, konst: true}
	if v < 0 {
		g.prec = precMul + 1
	}
	return g, false
}

func floatSpecial(v float64) *jen.Statement {
	switch {
	case math.IsNaN(v):
		return jen.Qual(mathPkg, "NaN").Call()
	case math.IsInf(v, 1):
		return jen.Qual(mathPkg, "Inf").Call(jen.Lit(1))
	case math.IsInf(v, -1):
		return jen.Qual(mathPkg, "Inf").Call(jen.Lit(-1))
	}
	return jen.Qual(mathPkg, "Copysign").Call(jen.Lit(0), jen.Lit(-1))
}

// hoist makes a constant operand non-constant by storing it in a local
// declared at the top of the function (var k1 float64 = 0.1). Go would
// otherwise evaluate a constant expression exactly, unlike CPython, which
// rounds each operation (0.1 + 0.2 != 0.3), wraps nothing and raises at
// run time.
func (e *funcEmitter) hoist(g gx, t ir.Scalar) gx {
	name := e.names.fresh("k" + strconv.Itoa(len(e.hoisted)+1))
	decl := jen.Id(name).Add(goType(t))
	if strings.HasPrefix(fmt.Sprintf("%#v", g.code), fmt.Sprintf("%#v", goType(t))+"(") {
		decl = jen.Id(name) // the value converts already: var k1 = float32(0.0)
	}
	e.hoisted = append(e.hoisted, decl.Op("=").Add(g.code))
	return primary(jen.Id(name))
}

func (e *funcEmitter) unary(x *ir.Unary) (gx, error) {
	t, err := scalarOf(x.X.Type())
	if err != nil {
		return gx{}, err
	}
	g, err := e.expr(x.X)
	if err != nil {
		return gx{}, err
	}
	if g.konst && x.Op != ir.Not {
		// -0.0 would be the constant 0; -MinInt64 would not compile.
		g = e.hoist(g, t)
	}
	var op string
	switch x.Op {
	case ir.Neg:
		op = "-"
		g = roundProduct(x.X, g)
	case ir.Not:
		if t != ir.Bool {
			return gx{}, fmt.Errorf("not on %s", t)
		}
		op = "!"
	case ir.BitNot:
		op = "^"
	default:
		return gx{}, fmt.Errorf("unknown unary operator %d", x.Op)
	}
	return gx{code: jen.Op(op).Add(g.operand(precPrimary, false)), prec: precMul + 1, konst: g.konst && x.Op == ir.Not}, nil
}

var binOps = map[ir.BinOp]struct {
	op   string
	prec int
}{
	ir.Add: {"+", precAdd}, ir.Sub: {"-", precAdd}, ir.Mul: {"*", precMul}, ir.Div: {"/", precMul},
	ir.BitAnd: {"&", precMul}, ir.BitOr: {"|", precAdd}, ir.BitXor: {"^", precAdd},
	ir.Shl: {"<<", precMul}, ir.Shr: {">>", precMul},
	ir.AndAnd: {"&&", precAndAnd}, ir.OrOr: {"||", precOrOr},
	ir.Eq: {"==", precCmp}, ir.Ne: {"!=", precCmp}, ir.Lt: {"<", precCmp}, ir.Le: {"<=", precCmp},
	ir.Gt: {">", precCmp}, ir.Ge: {">=", precCmp},
}

func (e *funcEmitter) binary(x *ir.Binary) (gx, error) {
	t, err := scalarOf(x.X.Type())
	if err != nil {
		return gx{}, err
	}
	if _, err := scalarOf(x.Y.Type()); err != nil {
		return gx{}, err
	}
	info, ok := binOps[x.Op]
	if !ok {
		return gx{}, fmt.Errorf("unknown binary operator %d", x.Op)
	}
	l, err := e.expr(x.X)
	if err != nil {
		return gx{}, err
	}
	r, err := e.expr(x.Y)
	if err != nil {
		return gx{}, err
	}
	op := info.op
	isCmp := x.Op >= ir.Eq
	if t == ir.Bool && (x.Op == ir.AndAnd || x.Op == ir.OrOr || x.Op == ir.BitAnd || x.Op == ir.BitOr) &&
		ir.ExprString(x.X) == ir.ExprString(x.Y) {
		// a && a is a (operands are pure); go vet reports the redundancy.
		return l, nil
	}
	if t == ir.Bool {
		switch x.Op {
		case ir.BitAnd:
			op, info.prec = "&&", precAndAnd // both operands are pure: short-circuit is unobservable
		case ir.BitOr:
			op, info.prec = "||", precOrOr
		case ir.BitXor:
			op, info.prec = "!=", precCmp
		case ir.Lt, ir.Le, ir.Gt, ir.Ge:
			// Go does not order bools; Python orders False < True.
			l = primary(jen.Qual(runtimePkg, "BoolToInt").Call(l.code))
			r = primary(jen.Qual(runtimePkg, "BoolToInt").Call(r.code))
		}
	}
	if t.IsComplex() && (x.Op == ir.Mul || x.Op == ir.Div) {
		return e.complexMulDiv(x.Op, t, l, r), nil
	}
	arith := !isCmp && x.Op != ir.AndAnd && x.Op != ir.OrOr && t != ir.Bool
	if arith {
		switch {
		case l.konst && r.konst:
			l = e.hoist(l, t)
		case x.Op == ir.Div && r.zero:
			// A constant zero divisor does not compile even for floats.
			r = e.hoist(r, t)
		case (x.Op == ir.Shl || x.Op == ir.Shr) && r.konst:
			// Negative constant counts do not compile and go vet rejects
			// counts >= the width; both are checked or wrap at run time.
			if c, ok := x.Y.(*ir.ConstExpr); ok {
				if n, _ := c.Value.(int64); n < 0 || n >= int64(t.Bits()) {
					r = e.hoist(r, t)
				}
			}
		}
		if ct, _ := scalarOf(x.Y.Type()); (x.Op == ir.Shl || x.Op == ir.Shr) && ct.IsSigned() && ct != ir.Int64 && !r.konst {
			// Go panics on a negative signed count; numpy shifts by
			// one as by a count >= the width (0, or -1 for >> of a
			// negative), which is what Go does with the count as a
			// uint64. int64 counts are Python ints, checked >= 0 before.
			r = primary(jen.Uint64().Call(r.code))
		}
		if (x.Op == ir.Shl || x.Op == ir.Shr) && l.untyped {
			// The type of an untyped constant shifted by a variable
			// count comes from the context; make it explicit.
			l = conv(t, l)
			l.konst = true
		}
		if x.Op == ir.Add || x.Op == ir.Sub {
			l = roundProduct(x.X, l)
			r = roundProduct(x.Y, r)
		}
	}
	return gx{
		code:  jen.Add(l.operand(info.prec, false)).Op(op).Add(r.operand(info.prec, true)),
		prec:  info.prec,
		konst: l.konst && r.konst,
	}, nil
}

func isZeroConst(x ir.Expr) bool {
	c, ok := x.(*ir.ConstExpr)
	if !ok {
		return false
	}
	switch v := c.Value.(type) {
	case float64:
		return v == 0
	case complex128:
		return v == 0
	case int64:
		return v == 0
	}
	return false
}

// complexMulDiv uses the runtime for complex products and quotients:
// Go's complex division is not CPython's algorithm (_Py_c_quot), and Go
// lowers a complex product to float operations that it may fuse into FMAs,
// which runtime.ComplexMul prevents. complex64 operands are widened
// (exact) and the result rounded back: the float64 result of the product
// is rounded once more to float32, which can differ from numpy's float32
// arithmetic in the last bit.
func (e *funcEmitter) complexMulDiv(op ir.BinOp, t ir.Scalar, l, r gx) gx {
	fn := "ComplexMul"
	if op == ir.Div {
		fn = "ComplexDiv"
	}
	if t == ir.Complex64 {
		call := jen.Qual(runtimePkg, fn).Call(jen.Complex128().Call(l.code), jen.Complex128().Call(r.code))
		return primary(jen.Complex64().Call(call))
	}
	return primary(jen.Qual(runtimePkg, fn).Call(l.code, r.code))
}

// convert emits a Convert with Go's conversions where they mean the same as
// Python's, and spells out the others: Go has no bool-to-number conversion
// and no conversion of a real number to a complex one.
func (e *funcEmitter) convert(x *ir.Convert) (gx, error) {
	from, err := scalarOf(x.X.Type())
	if err != nil {
		return gx{}, err
	}
	to := x.T
	g, err := e.expr(x.X)
	if err != nil {
		return gx{}, err
	}
	if !to.IsFloat() && !to.IsInt() {
		// complex(a*b, 0) + z could fuse the real parts.
		g = roundProduct(x.X, g)
	}
	if from == to {
		return g, nil
	}
	if g.konst {
		// A constant narrowing that overflows does not compile; at run
		// time Go wraps it, as lower intends.
		g = e.hoist(g, from)
	}
	switch {
	case from == ir.Bool && to == ir.Int64:
		return primary(jen.Qual(runtimePkg, "BoolToInt").Call(g.code)), nil
	case from == ir.Bool && to.IsComplex():
		i := primary(jen.Qual(runtimePkg, "BoolToInt").Call(g.code))
		return toComplex(conv(realPart(to), i)), nil
	case from == ir.Bool && to.IsNumber():
		return conv(to, primary(jen.Qual(runtimePkg, "BoolToInt").Call(g.code))), nil
	case to == ir.Bool:
		// Truthiness: not part of Convert's contract, but cheap to get right.
		return gx{code: jen.Add(g.operand(precCmp, false)).Op("!=").Lit(0), prec: precCmp}, nil
	case to.IsComplex() && !from.IsComplex():
		if from != realPart(to) {
			g = conv(realPart(to), g)
		}
		return toComplex(g), nil
	case from.IsComplex() && !to.IsComplex():
		return gx{}, fmt.Errorf("conversion from %s to %s (want real or imag)", from, to)
	}
	return conv(to, g), nil
}

func realPart(t ir.Scalar) ir.Scalar {
	if t == ir.Complex64 {
		return ir.Float32
	}
	return ir.Float64
}

// toComplex is complex(re, 0): complex64 for a float32 re.
func toComplex(re gx) gx {
	return primary(jen.Id("complex").Call(re.code, jen.Lit(0)))
}
