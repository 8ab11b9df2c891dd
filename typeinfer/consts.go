package typeinfer

import (
	"fmt"
	"math"
	"math/big"
	"math/cmplx"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// cval is a folded constant: Value is bool, int64, float64 or complex128
// according to Type (always one of the four Python kinds).
type cval struct {
	Type  ir.Scalar
	Value any
}

// constErr is a folding failure: the node to report at and the message.
type constErr struct {
	node ast.Ast
	msg  string
}

// moduleConstValues are the attribute constants of the supported modules.
// numpy's are Python floats, so they have the same kinds as math's.
var moduleConstValues = map[string]map[string]cval{
	"math": {
		"pi": {ir.Float64, math.Pi}, "e": {ir.Float64, math.E}, "tau": {ir.Float64, 2 * math.Pi},
		"inf": {ir.Float64, math.Inf(1)}, "nan": {ir.Float64, math.NaN()},
	},
	"cmath": {
		"pi": {ir.Float64, math.Pi}, "e": {ir.Float64, math.E}, "tau": {ir.Float64, 2 * math.Pi},
		"inf": {ir.Float64, math.Inf(1)}, "nan": {ir.Float64, math.NaN()},
		"infj": {ir.Complex128, complex(0, math.Inf(1))}, "nanj": {ir.Complex128, complex(0, math.NaN())},
	},
}

// moduleConst is the value of the module constant mod.name: math's and
// cmath's above, numpy's from its rows.
func moduleConst(mod, name string) (cval, bool) {
	if mod == "numpy" {
		if r := numpy.Lookup(name); r != nil && r.Kind == numpy.Constant {
			return cval{ir.Float64, r.Value}, true
		}
		return cval{}, false
	}
	v, ok := moduleConstValues[mod][name]
	return v, ok
}

// literal gives the type and value of a number or True/False literal.
func literal(e ast.Expr) (cval, string, bool) {
	switch e := e.(type) {
	case *ast.Num:
		switch n := e.N.(type) {
		case py.Int:
			return cval{ir.Int64, int64(n)}, "", true
		case py.Float:
			return cval{ir.Float64, float64(n)}, "", true
		case py.Complex:
			return cval{ir.Complex128, complex128(n)}, "", true
		case *py.BigInt:
			return cval{}, "integer literal does not fit in int64", true
		}
		return cval{}, "unsupported: number literal", true
	case *ast.NameConstant:
		switch e.Value {
		case py.True:
			return cval{ir.Bool, true}, "", true
		case py.False:
			return cval{ir.Bool, false}, "", true
		}
		return cval{}, "unsupported: None as a value", true
	}
	return cval{}, "", false
}

func (v cval) asInt() int64 {
	if b, ok := v.Value.(bool); ok {
		if b {
			return 1
		}
		return 0
	}
	return v.Value.(int64)
}

func (v cval) asFloat() float64 {
	switch x := v.Value.(type) {
	case bool, int64:
		return float64(v.asInt())
	case float64:
		return x
	}
	return 0
}

func (v cval) asComplex() complex128 {
	if c, ok := v.Value.(complex128); ok {
		return c
	}
	return complex(v.asFloat(), 0)
}

func raises(exc, msg string) string {
	return fmt.Sprintf("constant expression raises %s: %s", exc, msg)
}

const overflowMsg = "constant value does not fit in int64 (Python would use a big integer)"

// foldUnary folds -x, +x, ~x and not x with Python semantics.
func foldUnary(op ast.UnaryOpNumber, x cval) (cval, string) {
	if op == ast.Not {
		return cval{ir.Bool, !truthy(x)}, ""
	}
	sym := map[ast.UnaryOpNumber]string{ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[op]
	t, msg := unaryType(sym, x.Type)
	if msg != "" {
		return cval{}, msg
	}
	switch t {
	case ir.Int64:
		i := x.asInt()
		switch op {
		case ast.USub:
			if i == math.MinInt64 {
				return cval{}, overflowMsg
			}
			return cval{t, -i}, ""
		case ast.Invert:
			return cval{t, ^i}, ""
		}
		return cval{t, i}, ""
	case ir.Float64:
		if op == ast.USub {
			return cval{t, -x.asFloat()}, ""
		}
		return cval{t, x.asFloat()}, ""
	case ir.Complex128:
		if op == ast.USub {
			return cval{t, -x.asComplex()}, ""
		}
		return cval{t, x.asComplex()}, ""
	}
	return cval{}, "unsupported constant operation"
}

func truthy(v cval) bool {
	switch x := v.Value.(type) {
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case complex128:
		return x != 0
	}
	return false
}

func fitsInt(b *big.Int) (int64, bool) {
	if !b.IsInt64() {
		return 0, false
	}
	return b.Int64(), true
}

// pyFloatDivmod is CPython's float_divmod (Objects/floatobject.c), which
// both // and % on floats use: the sign of a zero result is part of the
// contract.
func pyFloatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// pyFloatPow follows CPython's float_pow error cases.
func pyFloatPow(x, y float64) (float64, string) {
	if x == 0 && y < 0 && !math.IsInf(y, 0) {
		return 0, raises("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Trunc(y) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		return 0, "constant expression is complex in Python (negative number raised to a fractional power); use complex(x) ** y"
	}
	r := math.Pow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return 0, raises("OverflowError", "(34, 'Numerical result out of range')")
	}
	return r, ""
}

// foldBinary folds l op r with Python semantics, including the exceptions
// CPython would raise (they become compile errors).
func foldBinary(op string, l, r cval) (cval, string) {
	neg := op == "**" && r.Type != ir.Complex128 && r.Type != ir.Float64 && r.asInt() < 0
	t, msg := binaryType(op, l.Type, r.Type, neg)
	if msg != "" {
		return cval{}, msg
	}
	switch t {
	case ir.Bool:
		a, b := l.Value.(bool), r.Value.(bool)
		switch op {
		case "&":
			return cval{t, a && b}, ""
		case "|":
			return cval{t, a || b}, ""
		case "^":
			return cval{t, a != b}, ""
		}
	case ir.Int64:
		a, b := l.asInt(), r.asInt()
		ba, bb := big.NewInt(a), big.NewInt(b)
		var res big.Int
		switch op {
		case "+":
			res.Add(ba, bb)
		case "-":
			res.Sub(ba, bb)
		case "*":
			res.Mul(ba, bb)
		case "//", "%":
			if b == 0 {
				if op == "%" {
					return cval{}, raises("ZeroDivisionError", "integer modulo by zero")
				}
				return cval{}, raises("ZeroDivisionError", "integer division or modulo by zero")
			}
			var m big.Int
			// big.Int's DivMod is Euclidean (m >= 0); Python floors, which
			// differs only for a negative divisor and a nonzero remainder.
			res.DivMod(ba, bb, &m)
			if m.Sign() != 0 && b < 0 {
				res.Sub(&res, big.NewInt(1))
				m.Add(&m, bb)
			}
			if op == "%" {
				res.Set(&m)
			}
		case "**":
			if b > 1<<16 && a != 0 && a != 1 && a != -1 {
				return cval{}, overflowMsg
			}
			res.Exp(ba, bb, nil)
		case "&":
			res.And(ba, bb)
		case "|":
			res.Or(ba, bb)
		case "^":
			res.Xor(ba, bb)
		case "<<", ">>":
			if b < 0 {
				return cval{}, raises("ValueError", "negative shift count")
			}
			if op == "<<" {
				if b > 64 && a != 0 {
					return cval{}, overflowMsg
				}
				res.Lsh(ba, uint(min(b, 64)))
			} else {
				res.Rsh(ba, uint(min(b, 64)))
			}
		}
		v, ok := fitsInt(&res)
		if !ok {
			return cval{}, overflowMsg
		}
		return cval{t, v}, ""
	case ir.Float64:
		if op == "/" && l.Type != ir.Float64 && r.Type != ir.Float64 {
			// int / int is correctly rounded in CPython, which float64(a) /
			// float64(b) is not beyond 2**53.
			if r.asInt() == 0 {
				return cval{}, raises("ZeroDivisionError", "division by zero")
			}
			f, _ := new(big.Rat).SetFrac(big.NewInt(l.asInt()), big.NewInt(r.asInt())).Float64()
			return cval{t, f}, ""
		}
		a, b := l.asFloat(), r.asFloat()
		switch op {
		case "+":
			return cval{t, a + b}, ""
		case "-":
			return cval{t, a - b}, ""
		case "*":
			return cval{t, a * b}, ""
		case "/":
			if b == 0 {
				return cval{}, raises("ZeroDivisionError", "float division by zero")
			}
			return cval{t, a / b}, ""
		case "//", "%":
			if b == 0 {
				if op == "%" {
					return cval{}, raises("ZeroDivisionError", "float modulo")
				}
				return cval{}, raises("ZeroDivisionError", "float floor division by zero")
			}
			d, m := pyFloatDivmod(a, b)
			if op == "%" {
				return cval{t, m}, ""
			}
			return cval{t, d}, ""
		case "**":
			if l.Type != ir.Float64 && r.Type != ir.Float64 && l.asInt() == 0 {
				return cval{}, raises("ZeroDivisionError", "0.0 cannot be raised to a negative power")
			}
			v, msg := pyFloatPow(a, b)
			return cval{t, v}, msg
		}
	case ir.Complex128:
		a, b := l.asComplex(), r.asComplex()
		switch op {
		case "+":
			return cval{t, a + b}, ""
		case "-":
			return cval{t, a - b}, ""
		case "*":
			return cval{t, a * b}, ""
		case "/":
			if b == 0 {
				return cval{}, raises("ZeroDivisionError", "complex division by zero")
			}
			return cval{t, a / b}, ""
		case "**":
			if a == 0 && (real(b) < 0 || imag(b) != 0) {
				return cval{}, raises("ZeroDivisionError", "0.0 to a negative or complex power")
			}
			return cval{t, cmplx.Pow(a, b)}, ""
		}
	}
	return cval{}, "unsupported constant operation " + op
}
