package emitc

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// cx is an emitted C expression; primary reports that it needs no
// parentheses as an operand (a name, literal, call, index or cast of one).
// Every other expression is parenthesised where it is an operand, so C's
// precedence rules never matter.
type cx struct {
	code    string
	primary bool
}

func prim(s string) cx { return cx{code: s, primary: true} }

func (x cx) paren() string {
	if x.primary {
		return x.code
	}
	return "(" + x.code + ")"
}

func scalarOf(t ir.Type) (ir.Scalar, error) {
	if s, ok := t.(ir.Scalar); ok {
		return s, nil
	}
	return ir.Invalid, fmt.Errorf("want a scalar type, got %s", t)
}

// cast converts x to t; the emitter keeps every expression at exactly its
// IR type, so a float32 operation never silently runs in double.
func cast(t ir.Scalar, x cx) cx { return prim("(" + cType(t) + ")" + x.paren()) }

func (e *funcEmitter) expr(x ir.Expr) (cx, error) {
	switch x := x.(type) {
	case *ir.ConstExpr:
		return constExpr(x)
	case *ir.VarRef:
		name, ok := e.names.vars[x.V]
		if !ok {
			return cx{}, fmt.Errorf("variable %s is not a parameter or local of %s", x.V.Name, e.f.Name)
		}
		if _, isArr := x.V.Type.(*ir.Array); isArr {
			return cx{}, fmt.Errorf("array %s used as a scalar", x.V.Name)
		}
		e.read[x.V] = true
		return prim(name), nil
	case *ir.Unary:
		return e.unary(x)
	case *ir.Binary:
		return e.binary(x)
	case *ir.Convert:
		return e.convert(x)
	case *ir.Intrinsic:
		return e.intrinsic(x)
	case *ir.Call:
		return e.callExpr(x)
	case *ir.Dim:
		p, err := e.arr(x.Arr)
		if err != nil {
			return cx{}, err
		}
		a := x.Arr.Type.(*ir.Array)
		switch x.Kind {
		case ir.Shape, ir.Stride:
			if x.Axis < 0 || x.Axis >= a.Rank {
				return cx{}, fmt.Errorf("%s: axis %d out of range for rank %d", ir.ExprString(x), x.Axis, a.Rank)
			}
			f := "shape"
			if x.Kind == ir.Stride {
				f = "strides"
			}
			return prim(p + f + "[" + strconv.Itoa(x.Axis) + "]"), nil
		case ir.Offset:
			return prim(p + "offset"), nil
		}
		return cx{}, fmt.Errorf("unknown dim kind %d", x.Kind)
	case *ir.Load:
		d, err := e.elems(x.Arr)
		if err != nil {
			return cx{}, err
		}
		off, err := e.expr(x.Offset)
		if err != nil {
			return cx{}, err
		}
		return prim(d + "[" + off.code + "]"), nil
	case nil:
		return cx{}, fmt.Errorf("nil expression")
	}
	return cx{}, fmt.Errorf("unknown expression %T", x)
}

// callExpr hoists a call out of its expression into a temporary computed
// just before the statement (C functions return a status, not a value).
// Call expressions are pure and cannot raise, so evaluating one where
// Python would have short-circuited it changes nothing observable.
func (e *funcEmitter) callExpr(c *ir.Call) (cx, error) {
	rts := ir.ResultTypes(c.Fn.Result)
	if len(rts) != 1 {
		return cx{}, fmt.Errorf("call of %s as an expression: want a single result", c.Fn.Name)
	}
	tmp, err := e.temp(rts[0])
	if err != nil {
		return cx{}, err
	}
	pre := e.pre
	e.pre = nil
	v := &ir.Var{Name: tmp, Type: rts[0]}
	e.names.vars[v] = tmp
	lines, err := e.callStmt(c, []*ir.Var{v}, e.depth)
	if err != nil {
		return cx{}, err
	}
	e.pre = append(append(pre, e.pre...), lines...)
	e.read[v] = true
	return prim(tmp), nil
}

// constExpr prints a constant. Python's shortest repr round-trips, and C
// converts a decimal literal to the nearest double (float with an f
// suffix), so the literal denotes exactly the IR's value.
func constExpr(c *ir.ConstExpr) (cx, error) {
	switch v := c.Value.(type) {
	case bool:
		return prim(strconv.FormatBool(v)), nil
	case int64:
		if !c.T.IsInt() {
			break
		}
		switch {
		case c.T == ir.Uint64 && uint64(v) > math.MaxInt64:
			return prim("UINT64_C(" + strconv.FormatUint(uint64(v), 10) + ")"), nil
		case v == math.MinInt64:
			return prim("INT64_MIN"), nil
		case v < 0:
			return cx{code: strconv.FormatInt(v, 10)}, nil
		}
		return prim(strconv.FormatInt(v, 10)), nil
	case float64:
		if !c.T.IsFloat() {
			break
		}
		return floatLit(v, c.T), nil
	case complex128:
		if !c.T.IsComplex() {
			break
		}
		part, mk := ir.Float64, "CMPLX"
		if c.T == ir.Complex64 {
			part, mk = ir.Float32, "CMPLXF"
		}
		return prim(mk + "(" + floatLit(real(v), part).code + ", " + floatLit(imag(v), part).code + ")"), nil
	}
	return cx{}, fmt.Errorf("constant of type %s has Go value %T", c.T, c.Value)
}

func floatLit(v float64, t ir.Scalar) cx {
	suffix := ""
	bits := 64
	if t == ir.Float32 {
		suffix, bits = "f", 32
	}
	switch {
	case math.IsNaN(v):
		return prim("NAN")
	case math.IsInf(v, 1):
		return prim("INFINITY")
	case math.IsInf(v, -1):
		return cx{code: "-INFINITY"}
	case v == 0 && math.Signbit(v):
		return cx{code: "-0.0" + suffix}
	}
	s := strconv.FormatFloat(v, 'g', -1, bits)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	if v < 0 {
		return cx{code: s + suffix}
	}
	return prim(s + suffix)
}

func (e *funcEmitter) unary(x *ir.Unary) (cx, error) {
	t, err := scalarOf(x.X.Type())
	if err != nil {
		return cx{}, err
	}
	g, err := e.expr(x.X)
	if err != nil {
		return cx{}, err
	}
	switch x.Op {
	case ir.Neg:
		if t.IsInt() {
			return prim("pyc2go_neg_" + t.String() + "(" + g.code + ")"), nil
		}
		return cx{code: "-" + g.paren()}, nil
	case ir.Not:
		return cx{code: "!" + g.paren()}, nil
	case ir.BitNot:
		return prim("pyc2go_invert_" + t.String() + "(" + g.code + ")"), nil
	}
	return cx{}, fmt.Errorf("unknown unary operator %d", x.Op)
}

var binOps = map[ir.BinOp]string{
	ir.Add: "+", ir.Sub: "-", ir.Mul: "*", ir.Div: "/",
	ir.BitAnd: "&", ir.BitOr: "|", ir.BitXor: "^", ir.Shl: "<<", ir.Shr: ">>",
	ir.AndAnd: "&&", ir.OrOr: "||",
	ir.Eq: "==", ir.Ne: "!=", ir.Lt: "<", ir.Le: "<=", ir.Gt: ">", ir.Ge: ">=",
}

var intHelpers = map[ir.BinOp]string{ir.Add: "add", ir.Sub: "sub", ir.Mul: "mul", ir.Shl: "shl", ir.Shr: "shr"}

func (e *funcEmitter) binary(x *ir.Binary) (cx, error) {
	t, err := scalarOf(x.X.Type())
	if err != nil {
		return cx{}, err
	}
	op, ok := binOps[x.Op]
	if !ok {
		return cx{}, fmt.Errorf("unknown binary operator %d", x.Op)
	}
	l, err := e.expr(x.X)
	if err != nil {
		return cx{}, err
	}
	r, err := e.expr(x.Y)
	if err != nil {
		return cx{}, err
	}
	switch {
	case t.IsInt():
		if h, ok := intHelpers[x.Op]; ok {
			// C's signed overflow is undefined and narrow types promote
			// to int: the helpers wrap like the IR.
			return prim("pyc2go_" + h + "_" + t.String() + "(" + l.code + ", " + r.code + ")"), nil
		}
		if x.Op == ir.Div {
			return cx{}, fmt.Errorf("integer division is an intrinsic")
		}
	case t == ir.Bool:
		switch x.Op {
		case ir.BitAnd:
			op = "&&" // both operands are pure: short-circuit is unobservable
		case ir.BitOr:
			op = "||"
		case ir.BitXor:
			op = "!="
		}
	case t.IsComplex() && (x.Op == ir.Mul || x.Op == ir.Div):
		return complexMulDiv(x.Op, t, l, r), nil
	}
	return cx{code: l.paren() + " " + op + " " + r.paren()}, nil
}

// complexMulDiv uses CPython's algorithms: C's complex * and / follow
// Annex G (infinity recovery) instead. complex64 operands are widened,
// computed and rounded back, as the Go backend does.
func complexMulDiv(op ir.BinOp, t ir.Scalar, l, r cx) cx {
	fn := "pyc2go_cmul"
	if op == ir.Div {
		fn = "pyc2go_cdiv"
	}
	call := prim(fn + "(" + l.code + ", " + r.code + ")")
	if t == ir.Complex64 {
		return cast(t, call)
	}
	return call
}

func realPart(t ir.Scalar) ir.Scalar {
	if t == ir.Complex64 {
		return ir.Float32
	}
	return ir.Float64
}

// convert: C casts mean what the IR's Convert means (ints wrap: gcc
// defines narrowing conversions modulo 2^N), except for a real number to
// complex, spelled CMPLX(x, 0.0) so the imaginary part is +0.
func (e *funcEmitter) convert(x *ir.Convert) (cx, error) {
	from, err := scalarOf(x.X.Type())
	if err != nil {
		return cx{}, err
	}
	to := x.T
	g, err := e.expr(x.X)
	if err != nil {
		return cx{}, err
	}
	switch {
	case from == to:
		return g, nil
	case to == ir.Bool:
		return cx{code: g.paren() + " != 0"}, nil
	case to.IsComplex() && !from.IsComplex():
		p := realPart(to)
		mk := "CMPLX"
		if to == ir.Complex64 {
			mk = "CMPLXF"
		}
		zero := "0.0"
		if p == ir.Float32 {
			zero = "0.0f"
		}
		return prim(mk + "(" + cast(p, g).code + ", " + zero + ")"), nil
	case from.IsComplex() && !to.IsComplex():
		return cx{}, fmt.Errorf("conversion from %s to %s (want real or imag)", from, to)
	}
	return cast(to, g), nil
}
