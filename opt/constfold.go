package opt

import (
	"math"

	"github.com/pyc2go/pyc2go/ir"
)

const constFoldDoc = "constfold replaces constant sub-expressions by their value wherever the fold is bit-exact (wrapping integer arithmetic, IEEE + - * / on floats, comparisons, conversions, exact intrinsics), never folding transcendental functions."

// constFold folds every expression of f in place.
func constFold(f *ir.Func) { ir.Apply(f.Body, nil, foldNode) }

// foldExpr folds e bottom-up and returns the folded tree.
func foldExpr(e ir.Expr) ir.Expr { return ir.Apply(e, nil, foldNode).(ir.Expr) }

// foldNode is Apply's post: it folds an expression whose operands are
// folded.
func foldNode(c *ir.Cursor) bool {
	if e, ok := c.Node().(ir.Expr); ok {
		if r := fold1(e); r != e {
			c.Replace(r)
		}
	}
	return true
}

// fold1 folds one node whose operands are already folded; it returns the
// node itself when it cannot fold exactly.
func fold1(e ir.Expr) ir.Expr {
	switch e := e.(type) {
	case *ir.Unary:
		if c, ok := e.X.(*ir.ConstExpr); ok {
			if r := foldUnary(e.Op, c); r != nil {
				return r
			}
		}
		// !!x == x and !(a < b) stays: NaN makes !(a < b) differ from a >= b.
		if u, ok := e.X.(*ir.Unary); ok && e.Op == ir.Not && u.Op == ir.Not {
			return u.X
		}
	case *ir.Binary:
		x, xok := e.X.(*ir.ConstExpr)
		y, yok := e.Y.(*ir.ConstExpr)
		if xok && yok {
			if r := foldBinary(e.Op, x, y); r != nil {
				return r
			}
		}
		if r := foldTautology(e); r != nil {
			return r
		}
		if r := foldOverlap(e); r != nil {
			return r
		}
		// Short-circuit identities; the dropped operand must have no
		// effects (a call), except when short-circuiting skips it anyway.
		switch {
		case e.Op == ir.AndAnd && xok:
			if x.Value == true {
				return e.Y
			}
			return x
		case e.Op == ir.OrOr && xok:
			if x.Value == false {
				return e.Y
			}
			return x
		case e.Op == ir.AndAnd && yok:
			if y.Value == true {
				return e.X
			}
			if !ir.TouchesMemory(e.X) {
				return y
			}
		case e.Op == ir.OrOr && yok:
			if y.Value == false {
				return e.X
			}
			if !ir.TouchesMemory(e.X) {
				return y
			}
		}
	case *ir.Convert:
		if c, ok := e.X.(*ir.ConstExpr); ok {
			if r := ir.ConvertConst(c, e.T); r != nil {
				return r
			}
		}
	case *ir.Intrinsic:
		// abs of an unsigned value is the value (the emitters print it
		// so); folding it lets r > abs(r) fold as the self-comparison
		// gcc then sees.
		if t, ok := e.T.(ir.Scalar); ok && e.Name == "abs" && t.IsInt() && !t.IsSigned() && e.Args[0].Type() == t {
			return e.Args[0]
		}
		args := make([]*ir.ConstExpr, len(e.Args))
		for i, a := range e.Args {
			c, ok := a.(*ir.ConstExpr)
			if !ok {
				return e
			}
			args[i] = c
		}
		if t, ok := e.T.(ir.Scalar); ok {
			if r := foldIntrinsic(e.Name, t, args); r != nil {
				return r
			}
		}
	}
	return e
}

func mk(t ir.Scalar, v any) *ir.ConstExpr { return &ir.ConstExpr{T: t, Value: v} }

func foldUnary(op ir.UnOp, c *ir.ConstExpr) *ir.ConstExpr {
	switch v := c.Value.(type) {
	case int64:
		switch op {
		case ir.Neg:
			return mk(c.T, c.T.Wrap(-v))
		case ir.BitNot:
			return mk(c.T, c.T.Wrap(^v))
		}
	case float64:
		if op == ir.Neg {
			return mk(c.T, -v)
		}
	case complex128:
		if op == ir.Neg {
			return mk(c.T, -v)
		}
	case bool:
		if op == ir.Not {
			return ir.BoolConst(!v)
		}
	}
	return nil
}

func foldBinary(op ir.BinOp, x, y *ir.ConstExpr) *ir.ConstExpr {
	if x.T != y.T {
		return nil
	}
	t := x.T
	switch a := x.Value.(type) {
	case int64:
		b, ok := y.Value.(int64)
		if !ok {
			return nil
		}
		if t == ir.Uint64 {
			return foldUint64(op, uint64(a), uint64(b))
		}
		switch op {
		case ir.Add:
			return mk(t, t.Wrap(a+b))
		case ir.Sub:
			return mk(t, t.Wrap(a-b))
		case ir.Mul:
			return mk(t, t.Wrap(a*b))
		case ir.BitAnd:
			return mk(t, a&b)
		case ir.BitOr:
			return mk(t, a|b)
		case ir.BitXor:
			return mk(t, t.Wrap(a^b))
		case ir.Shl, ir.Shr:
			// numpy shifts by a count outside [0, bits) give 0 (or -1
			// for >> of a negative), as Go's shifts by counts >= 64 do;
			// a Python int's negative count is behind a failing check.
			if b < 0 {
				b = 64
			}
			if op == ir.Shl {
				if b >= 64 {
					return mk(t, int64(0))
				}
				return mk(t, t.Wrap(a<<uint(b)))
			}
			if b >= 64 {
				b = 63
			}
			return mk(t, a>>uint(b)) // values are in range, so >> stays in range
		}
		return cmpResult(op, compareOrdered(a, b))
	case float64:
		b, ok := y.Value.(float64)
		if !ok {
			return nil
		}
		switch op {
		case ir.Add:
			return mk(t, floatOp(a, b, t, func(p, q float64) float64 { return p + q }, func(p, q float32) float32 { return p + q }))
		case ir.Sub:
			return mk(t, floatOp(a, b, t, func(p, q float64) float64 { return p - q }, func(p, q float32) float32 { return p - q }))
		case ir.Mul:
			return mk(t, floatOp(a, b, t, func(p, q float64) float64 { return p * q }, func(p, q float32) float32 { return p * q }))
		case ir.Div:
			return mk(t, floatOp(a, b, t, func(p, q float64) float64 { return p / q }, func(p, q float32) float32 { return p / q }))
		}
		switch op {
		case ir.Eq:
			return ir.BoolConst(a == b)
		case ir.Ne:
			return ir.BoolConst(a != b)
		case ir.Lt:
			return ir.BoolConst(a < b)
		case ir.Le:
			return ir.BoolConst(a <= b)
		case ir.Gt:
			return ir.BoolConst(a > b)
		case ir.Ge:
			return ir.BoolConst(a >= b)
		}
	case complex128:
		b, ok := y.Value.(complex128)
		if !ok {
			return nil
		}
		// Componentwise operations only: complex * and / are CPython
		// algorithms that the runtime implements, not worth duplicating.
		switch op {
		case ir.Add:
			return mk(t, complex(t.Round(real(a)+real(b)), t.Round(imag(a)+imag(b))))
		case ir.Sub:
			return mk(t, complex(t.Round(real(a)-real(b)), t.Round(imag(a)-imag(b))))
		case ir.Eq:
			return ir.BoolConst(a == b)
		case ir.Ne:
			return ir.BoolConst(a != b)
		}
	case bool:
		b, ok := y.Value.(bool)
		if !ok {
			return nil
		}
		switch op {
		case ir.AndAnd, ir.BitAnd:
			return ir.BoolConst(a && b)
		case ir.OrOr, ir.BitOr:
			return ir.BoolConst(a || b)
		case ir.BitXor, ir.Ne:
			return ir.BoolConst(a != b)
		case ir.Eq:
			return ir.BoolConst(a == b)
		}
		ai, bi := int64(0), int64(0)
		if a {
			ai = 1
		}
		if b {
			bi = 1
		}
		return cmpResult(op, compareOrdered(ai, bi))
	}
	return nil
}

// floatOp computes one IEEE operation in t's precision. float32 operands
// are exactly representable, so computing in float32 is exact IEEE single.
func floatOp(a, b float64, t ir.Scalar, f64 func(float64, float64) float64, f32 func(float32, float32) float32) float64 {
	if t == ir.Float32 {
		return float64(f32(float32(a), float32(b)))
	}
	return float64(f64(a, b))
}

func foldUint64(op ir.BinOp, a, b uint64) *ir.ConstExpr {
	t := ir.Uint64
	switch op {
	case ir.Add:
		return mk(t, int64(a+b))
	case ir.Sub:
		return mk(t, int64(a-b))
	case ir.Mul:
		return mk(t, int64(a*b))
	case ir.BitAnd:
		return mk(t, int64(a&b))
	case ir.BitOr:
		return mk(t, int64(a|b))
	case ir.BitXor:
		return mk(t, int64(a^b))
	case ir.Shl:
		if b >= 64 {
			return mk(t, int64(0))
		}
		return mk(t, int64(a<<b))
	case ir.Shr:
		if b >= 64 {
			return mk(t, int64(0))
		}
		return mk(t, int64(a>>b))
	}
	c := 0
	if a < b {
		c = -1
	} else if a > b {
		c = 1
	}
	return cmpResult(op, c)
}

func compareOrdered(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpResult(op ir.BinOp, c int) *ir.ConstExpr {
	switch op {
	case ir.Eq:
		return ir.BoolConst(c == 0)
	case ir.Ne:
		return ir.BoolConst(c != 0)
	case ir.Lt:
		return ir.BoolConst(c < 0)
	case ir.Le:
		return ir.BoolConst(c <= 0)
	case ir.Gt:
		return ir.BoolConst(c > 0)
	case ir.Ge:
		return ir.BoolConst(c >= 0)
	}
	return nil
}

// foldIntrinsic folds the exact intrinsics whose Python meaning is simple
// enough to state here; everything else is left to the runtime.
func foldIntrinsic(name string, t ir.Scalar, a []*ir.ConstExpr) *ir.ConstExpr {
	f := func(i int) (float64, bool) {
		v, ok := a[i].Value.(float64)
		return v, ok && a[i].T == ir.Float64
	}
	// n reads an integer argument of the result's kind: floordiv, mod,
	// powi and abs compute in their operands' kind and wrap (numpy's
	// fixed-width scalars), so every integer kind folds alike.
	n := func(i int) (int64, bool) {
		v, ok := a[i].Value.(int64)
		return v, ok && a[i].T == t && t.IsInt()
	}
	switch name {
	case "isnan", "isinf", "isfinite", "floor", "ceil", "trunc", "roundeven", "sqrt", "ftoi_ok", "ftoi":
		x, ok := f(0)
		if !ok {
			return nil
		}
		switch name {
		case "isnan":
			return ir.BoolConst(math.IsNaN(x))
		case "isinf":
			return ir.BoolConst(math.IsInf(x, 0))
		case "isfinite":
			return ir.BoolConst(!math.IsNaN(x) && !math.IsInf(x, 0))
		case "floor":
			return mk(t, math.Floor(x))
		case "ceil":
			return mk(t, math.Ceil(x))
		case "trunc":
			return mk(t, math.Trunc(x))
		case "roundeven":
			return mk(t, math.RoundToEven(x))
		case "sqrt":
			return mk(t, math.Sqrt(x)) // correctly rounded, like C sqrt
		case "ftoi_ok":
			return ir.BoolConst(ftoiOK(x))
		case "ftoi":
			if !ftoiOK(x) {
				return nil
			}
			return mk(ir.Int64, int64(x))
		}
	case "domain_err", "range_err":
		x, ok1 := f(0)
		r, ok2 := f(1)
		if !ok1 || !ok2 {
			return nil
		}
		if name == "domain_err" {
			return ir.BoolConst(math.IsNaN(r) && !math.IsNaN(x))
		}
		return ir.BoolConst(math.IsInf(r, 0) && !math.IsNaN(x) && !math.IsInf(x, 0))
	case "abs":
		if x, ok := n(0); ok {
			if x < 0 && t.IsSigned() {
				x = -x // abs(int8(-128)) wraps to -128, as the runtime's does
			}
			return mk(t, t.Wrap(x))
		}
		if x, ok := a[0].Value.(float64); ok && a[0].T == t && t.IsFloat() {
			return mk(t, math.Abs(x))
		}
	case "floordiv", "mod", "powi":
		x, ok1 := n(0)
		y, ok2 := n(1)
		if !ok1 || !ok2 {
			return nil
		}
		if t == ir.Uint64 {
			return foldUint64Intrinsic(name, uint64(x), uint64(y))
		}
		// The narrower kinds hold their values exactly in an int64:
		// computing there and wrapping is what the runtime does
		// (np.int8(-128) // np.int8(-1) is -128 in numpy too).
		if r, ok := foldInt64Intrinsic(name, x, y); ok {
			return mk(t, t.Wrap(r))
		}
	default:
		return foldOtherIntrinsic(name, t, a)
	}
	return nil
}

// foldInt64Intrinsic folds floordiv, mod and powi on int64 operands, as
// the runtime's FloorDivInt, ModInt and PowInt compute them; it declines a
// zero divisor and a negative exponent (checked before, so never run).
func foldInt64Intrinsic(name string, x, y int64) (int64, bool) {
	switch name {
	case "floordiv":
		if y == 0 {
			return 0, false
		}
		q := x / y
		if x%y != 0 && (x < 0) != (y < 0) {
			q--
		}
		return q, true
	case "mod":
		if y == 0 {
			return 0, false
		}
		r := x % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
		return r, true
	case "powi":
		if y < 0 {
			return 0, false
		}
		r := int64(1)
		for ; y > 0; y >>= 1 {
			if y&1 != 0 {
				r *= x
			}
			x *= x
		}
		return r, true
	}
	return 0, false
}

// foldUint64Intrinsic folds floordiv, mod and powi on uint64 operands,
// which the emitters compute with unsigned / and % (floor division and
// modulo are truncation for non-negative values). powi declines
// exponents of 2**63 and more, whose bit pattern the runtime's int64
// PowInt reads as negative.
func foldUint64Intrinsic(name string, x, y uint64) *ir.ConstExpr {
	t := ir.Uint64
	switch name {
	case "floordiv", "mod":
		if y == 0 {
			return nil
		}
		if name == "mod" {
			return mk(t, int64(x%y))
		}
		return mk(t, int64(x/y))
	case "powi":
		if int64(y) < 0 {
			return nil
		}
		r := uint64(1)
		for ; y > 0; y >>= 1 {
			if y&1 != 0 {
				r *= x
			}
			x *= x
		}
		return mk(t, int64(r))
	}
	return nil
}

// foldOtherIntrinsic folds min, max and the complex parts.
func foldOtherIntrinsic(name string, t ir.Scalar, a []*ir.ConstExpr) *ir.ConstExpr {
	switch name {
	case "min", "max":
		if a[0].T != t || a[1].T != t {
			return nil
		}
		// Python: min keeps x unless y < x; max keeps x unless y > x.
		c := foldBinary(ir.Lt, a[1], a[0])
		if name == "max" {
			c = foldBinary(ir.Gt, a[1], a[0])
		}
		if c == nil {
			return nil
		}
		if c.Value == true {
			return a[1]
		}
		return a[0]
	case "real", "imag":
		if v, ok := a[0].Value.(complex128); ok {
			if name == "real" {
				return mk(t, real(v))
			}
			return mk(t, imag(v))
		}
	case "conj":
		if v, ok := a[0].Value.(complex128); ok {
			return mk(t, complex(real(v), -imag(v)))
		}
	case "complex":
		x, ok1 := a[0].Value.(float64)
		y, ok2 := a[1].Value.(float64)
		if ok1 && ok2 && t.IsComplex() {
			return mk(t, complex(x, y))
		}
	}
	return nil
}

// ftoiOK mirrors runtime.FloatToIntOK: finite and trunc(x) in [-2**63, 2**63).
func ftoiOK(x float64) bool {
	return x == x && math.Trunc(x) >= -9223372036854775808.0 && math.Trunc(x) < 9223372036854775808.0
}
