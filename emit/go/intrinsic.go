package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// An intrinsicFunc emits one intrinsic given its emitted arguments, their
// scalar types and the result type; it dispatches on the argument types.
type intrinsicFunc func(e *funcEmitter, args []gx, ts []ir.Scalar, res ir.Scalar) (gx, error)

// float32 arguments: Go's math package has float64 functions only, so a
// float32 argument is widened (exact: every float32 is a float64) and the
// result rounded back to float32. For the correctly rounded operations
// (sqrt, floor, ceil, trunc, abs, copysign, fmod, comparisons and
// classification) that is exact: they are exact or, for sqrt, a float64
// result rounded again to float32 is still correctly rounded because
// 53 >= 2*24+2. For transcendental functions the result can differ from
// numpy's float32 routines (sinf, expf, ...) in the last bit; those
// intrinsics are marked inexact in the IR table anyway.
var intrinsicFuncs map[string]intrinsicFunc

func init() {
	intrinsicFuncs = map[string]intrinsicFunc{
		"abs": emitAbs,
		"cabs": func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
			return fit(rt("ComplexAbs", asC128(a[0], ts[0])), ir.Float64, res), nil
		},
		"floordiv": intFloat("FloorDivInt", "/", "FloorDivFloat"),
		"mod":      intFloat("ModInt", "%", "ModFloat"),
		"truediv":  emitTrueDiv,
		"pow":      emitPow,
		"powi":     intFloat("PowInt", "", ""),
		"min":      minMax("Min", "&&"),
		"max":      minMax("Max", "||"),
		"sqrt":     realComplex(mathFn("Sqrt"), "CmathSqrt"),
		// runtime.Exp and runtime.Log are within 1 ulp and nearly always
		// correctly rounded, as glibc's exp and log that CPython calls
		// are (Go's math.Exp/Log are 1 ulp off on a tenth of inputs).
		"exp":       realComplex(runtimeFn("Exp"), "CmathExp"),
		"log":       realComplex(runtimeFn("Log"), "CmathLog"),
		"expm1":     mathFn("Expm1"),
		"exp2":      mathFn("Exp2"),
		"logb":      runtimeFn("MathLog"),
		"log1p":     mathFn("Log1p"),
		"log2":      mathFn("Log2"),
		"log10":     runtimeFn("Log10"), // Go's math.Log10 is wrong for subnormals
		"sin":       mathFn("Sin"),
		"cos":       mathFn("Cos"),
		"tan":       mathFn("Tan"),
		"asin":      mathFn("Asin"),
		"acos":      mathFn("Acos"),
		"atan":      mathFn("Atan"),
		"atan2":     runtimeFn("Atan2"),
		"sinh":      mathFn("Sinh"),
		"cosh":      mathFn("Cosh"),
		"tanh":      mathFn("Tanh"),
		"asinh":     mathFn("Asinh"),
		"acosh":     mathFn("Acosh"),
		"atanh":     mathFn("Atanh"),
		"erf":       mathFn("Erf"),
		"erfc":      mathFn("Erfc"),
		"gamma":     mathFn("Gamma"),
		"lgamma":    runtimeFn("Lgamma"),
		"cbrt":      mathFn("Cbrt"),
		"hypot":     runtimeFn("Hypot"), // correctly rounded like glibc's hypot
		"fmod":      mathFn("Mod"),      // math.Mod is C's fmod: exact, same special cases
		"copysign":  mathFn("Copysign"),
		"floor":     mathFn("Floor"),
		"ceil":      mathFn("Ceil"),
		"trunc":     mathFn("Trunc"),
		"roundeven": runtimeFn("RoundHalfEven"),
		"round":     emitRound,
		"isnan":     predicate(func(x *jen.Statement) gx { return primary(jen.Qual(mathPkg, "IsNaN").Call(x)) }),
		"isinf":     predicate(func(x *jen.Statement) gx { return primary(jen.Qual(mathPkg, "IsInf").Call(x, jen.Lit(0))) }),
		// |x| <= MaxFloat64 is false exactly for ±inf and NaN, and
		// evaluates x once.
		"isfinite": predicate(func(x *jen.Statement) gx {
			return gx{code: jen.Qual(mathPkg, "Abs").Call(x).Op("<=").Qual(mathPkg, "MaxFloat64"), prec: precCmp}
		}),
		"ftoi": func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
			return fit(rt("FloatToInt", asF64(a[0], ts[0])), ir.Int64, res), nil
		},
		"ftoi_ok":    runtimeFn("FloatToIntOK"),
		"degrees":    runtimeFn("Degrees"),
		"radians":    runtimeFn("Radians"),
		"gcd":        intFloat("Gcd", "", ""),
		"factorial":  intFloat("Factorial", "", ""),
		"isclose":    runtimeFn("Isclose"),
		"real":       emitReal,
		"imag":       emitImag,
		"conj":       emitConj,
		"complex":    emitComplex,
		"domain_err": runtimeFn("MathDomainErr"),
		"range_err":  runtimeFn("MathRangeErr"),
		// acc + term: inexact in the IR only because numpy's BLAS sums
		// in another order; the Go code is the plain addition.
		// acc * x with CPython's complex multiplication: inexact in the IR
		// only because numpy's AVX-512F reduction associates otherwise.
		"cprod_mul": func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
			if ts[0] != res || ts[1] != res || !res.IsComplex() {
				return gx{}, fmt.Errorf("want two %s operands", res)
			}
			return e.complexMulDiv(ir.Mul, res, a[0], a[1]), nil
		},
		"blas_add": func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
			if ts[0] != res || ts[1] != res {
				return gx{}, fmt.Errorf("want two %s operands", res)
			}
			return gx{code: jen.Add(a[0].operand(precAdd, false)).Op("+").Add(a[1].operand(precAdd, true)), prec: precAdd}, nil
		},
	}
}

func (e *funcEmitter) intrinsic(x *ir.Intrinsic) (gx, error) {
	info := ir.LookupIntrinsic(x.Name)
	fn := intrinsicFuncs[x.Name]
	afn := arrayIntrinsicFuncs[x.Name]
	if info == nil || (fn == nil && afn == nil) {
		return gx{}, fmt.Errorf("unknown intrinsic %q", x.Name)
	}
	if len(x.Args) != info.Arity {
		return gx{}, fmt.Errorf("intrinsic %s: want %d arguments, got %d", x.Name, info.Arity, len(x.Args))
	}
	if afn != nil {
		return e.arrayIntrinsic(x, afn)
	}
	res, err := scalarOf(x.T)
	if err != nil {
		return gx{}, err
	}
	args := make([]gx, len(x.Args))
	ts := make([]ir.Scalar, len(x.Args))
	for i, a := range x.Args {
		if ts[i], err = scalarOf(a.Type()); err != nil {
			return gx{}, err
		}
		if args[i], err = e.valueExpr(a); err != nil {
			return gx{}, err
		}
	}
	g, err := fn(e, args, ts, res)
	if err != nil {
		return gx{}, fmt.Errorf("intrinsic %s(%s): %w", x.Name, typeList(ts), err)
	}
	return g, nil
}

func typeList(ts []ir.Scalar) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += t.String()
	}
	return s
}

func rt(name string, args ...*jen.Statement) gx {
	return primary(jen.Qual(runtimePkg, name).Call(codes(args)...))
}

func codes(xs []*jen.Statement) []jen.Code {
	out := make([]jen.Code, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// asF64, asI64 and asC128 convert an argument to the type of the runtime
// or math parameter. Widening float32 and complex64 is exact; the runtime's
// integer helpers take int64, which holds every signed kind exactly
// (uint64 values >= 2**63 would wrap: numpy's uint64 arithmetic is
// not supported by those helpers).
func asF64(g gx, t ir.Scalar) *jen.Statement {
	switch {
	case t == ir.Float64:
		return g.code
	case t == ir.Bool:
		return jen.Float64().Call(jen.Qual(runtimePkg, "BoolToInt").Call(g.code))
	}
	return jen.Float64().Call(g.code)
}

func asI64(g gx, t ir.Scalar) *jen.Statement {
	switch t {
	case ir.Int64:
		return g.code
	case ir.Bool:
		return jen.Qual(runtimePkg, "BoolToInt").Call(g.code)
	}
	return jen.Int64().Call(g.code)
}

func asC128(g gx, t ir.Scalar) *jen.Statement {
	switch {
	case t == ir.Complex128:
		return g.code
	case t == ir.Complex64:
		return jen.Complex128().Call(g.code)
	}
	return jen.Id("complex").Call(asF64(g, t), jen.Lit(0))
}

// fit converts a helper's result of type from to the intrinsic's type.
func fit(g gx, from, to ir.Scalar) gx {
	if from == to {
		return g
	}
	return conv(to, g)
}

func allFloat(ts []ir.Scalar) bool {
	for _, t := range ts {
		if !t.IsFloat() && !t.IsInt() && t != ir.Bool {
			return false
		}
	}
	return true
}

// mathFn calls a float64 function of package math.
func mathFn(name string) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		return realCall(jen.Qual(mathPkg, name), a, ts, res)
	}
}

// runtimeFn calls a runtime helper whose parameters are all float64 (its
// result is float64 or bool).
func runtimeFn(name string) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		return realCall(jen.Qual(runtimePkg, name), a, ts, res)
	}
}

func realCall(fn *jen.Statement, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	if !allFloat(ts) {
		return gx{}, fmt.Errorf("want real arguments")
	}
	args := make([]*jen.Statement, len(a))
	for i := range a {
		args[i] = asF64(a[i], ts[i])
	}
	g := primary(fn.Call(codes(args)...))
	if res == ir.Bool {
		return g, nil
	}
	return fit(g, ir.Float64, res), nil
}

// realComplex dispatches a math/cmath pair on the argument type.
func realComplex(real intrinsicFunc, cmath string) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		if !ts[0].IsComplex() {
			return real(e, a, ts, res)
		}
		return fit(rt(cmath, asC128(a[0], ts[0])), ir.Complex128, res), nil
	}
}

// intFloat dispatches on integer (signed: an int64 runtime helper;
// unsigned: a Go operator, whose unsigned division and remainder already
// floor) or float (a float64 runtime helper) arguments.
func intFloat(signed, unsignedOp, float string) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		t := ts[0]
		switch {
		case t.IsInt() && !t.IsSigned() && unsignedOp != "" && ts[1] == t:
			l, r := a[0], a[1]
			if r.zero {
				// A constant zero divisor would not compile.
				r = e.hoist(r, t)
			}
			return fit(gx{code: jen.Add(l.operand(precMul, false)).Op(unsignedOp).Add(r.operand(precMul, true)), prec: precMul}, t, res), nil
		case t.IsInt() || t == ir.Bool:
			args := make([]*jen.Statement, len(a))
			for i := range a {
				args[i] = asI64(a[i], ts[i])
			}
			return fit(rt(signed, args...), ir.Int64, res), nil
		case t.IsFloat() && float != "":
			return runtimeFn(float)(e, a, ts, res)
		}
		return gx{}, fmt.Errorf("unsupported argument types")
	}
}

func emitAbs(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	t := ts[0]
	switch {
	case t.IsInt() && !t.IsSigned():
		return fit(a[0], t, res), nil
	case t.IsInt():
		// IntAbs wraps at MinInt64 like C's two's complement; narrower
		// kinds wrap on the way back (numpy: abs(int8(-128)) == -128).
		return fit(rt("IntAbs", asI64(a[0], t)), ir.Int64, res), nil
	case t.IsFloat():
		return mathFn("Abs")(e, a, ts, res)
	case t.IsComplex():
		return fit(rt("ComplexAbs", asC128(a[0], t)), ir.Float64, res), nil
	}
	return gx{}, fmt.Errorf("unsupported argument type")
}

func emitTrueDiv(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	t := ts[0]
	switch {
	case t.IsInt() || t == ir.Bool:
		return fit(rt("TrueDivInt", asI64(a[0], t), asI64(a[1], ts[1])), ir.Float64, res), nil
	case t.IsFloat() && ts[1] == t:
		// Go's / rejects a constant zero divisor and folds constant
		// operands exactly: hoist as Binary does.
		r := a[1]
		if r.zero {
			r = e.hoist(r, t)
		}
		l := a[0]
		if l.konst && r.konst {
			l = e.hoist(l, t)
		}
		return fit(gx{code: jen.Add(l.operand(precMul, false)).Op("/").Add(r.operand(precMul, true)), prec: precMul}, t, res), nil
	case t.IsComplex() && ts[1] == t:
		return fit(e.complexMulDiv(ir.Div, t, a[0], a[1]), t, res), nil
	}
	return gx{}, fmt.Errorf("unsupported argument types")
}

func emitPow(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	switch t := ts[0]; {
	case t.IsComplex():
		return fit(rt("ComplexPow", asC128(a[0], t), asC128(a[1], ts[1])), ir.Complex128, res), nil
	case t.IsFloat() || ts[1].IsFloat():
		return runtimeFn("PowFloat")(e, a, ts, res)
	}
	return intFloat("PowInt", "", "")(e, a, ts, res)
}

// minMax uses runtime.Min/Max (Python keeps the first argument on ties and
// NaN; Go's min/max builtins and math.Min do not). On bools, min is "and"
// and max is "or" (False < True).
func minMax(name, boolOp string) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		t := ts[0]
		if ts[1] != t || t.IsComplex() {
			return gx{}, fmt.Errorf("unsupported argument types")
		}
		if t == ir.Bool {
			if s := codeString(a[0].code); s != "" && s == codeString(a[1].code) {
				return a[0], nil // min(b, b) is b; go vet reports b && b
			}
			p := precAndAnd
			if boolOp == "||" {
				p = precOrOr
			}
			return gx{code: jen.Add(a[0].operand(p, false)).Op(boolOp).Add(a[1].operand(p, true)), prec: p}, nil
		}
		fn := jen.Qual(runtimePkg, name)
		if a[0].untyped && a[1].untyped {
			// Two untyped constants would instantiate Min[int].
			fn = fn.Index(goType(t))
		}
		return fit(primary(fn.Call(a[0].code, a[1].code)), t, res), nil
	}
}

// emitLgamma keeps the first result of math.Lgamma (log|Γ(x)|, what
// Python's math.lgamma returns) in an immediately called closure, which
// the Go compiler inlines.
func emitRound(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	switch t := ts[0]; {
	case t == ir.Float32:
		return fit(rt("RoundFloat32", a[0].code, asI64(a[1], ts[1])), ir.Float32, res), nil
	case t.IsFloat():
		return fit(rt("RoundFloat", asF64(a[0], t), asI64(a[1], ts[1])), ir.Float64, res), nil
	case t.IsInt():
		return fit(rt("RoundInt", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
	}
	return gx{}, fmt.Errorf("unsupported argument types")
}

// predicate is a float classification (isnan, isinf, isfinite); integers
// are always finite numbers.
func predicate(f func(x *jen.Statement) gx) intrinsicFunc {
	return func(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
		if !allFloat(ts) {
			return gx{}, fmt.Errorf("want a real argument")
		}
		return f(asF64(a[0], ts[0])), nil
	}
}

// emitReal: z.real; on a real number, .real is the number itself.
func emitReal(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	if !ts[0].IsComplex() {
		return fit(a[0], ts[0], res), nil
	}
	return fit(gx{code: jen.Id("real").Call(a[0].code), prec: precPrimary, konst: a[0].konst}, realPart(ts[0]), res), nil
}

// emitImag: z.imag; a real number's .imag is 0.
func emitImag(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	if !ts[0].IsComplex() {
		return gx{code: goType(res).Call(jen.Lit(0)), prec: precPrimary, konst: true}, nil
	}
	return fit(gx{code: jen.Id("imag").Call(a[0].code), prec: precPrimary, konst: a[0].konst}, realPart(ts[0]), res), nil
}

func emitConj(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	if !ts[0].IsComplex() {
		return fit(a[0], ts[0], res), nil
	}
	return fit(primary(jen.Qual(cmplxPkg, "Conj").Call(asC128(a[0], ts[0]))), ir.Complex128, res), nil
}

// emitComplex: complex(re, im) from two reals of the result's part type.
func emitComplex(e *funcEmitter, a []gx, ts []ir.Scalar, res ir.Scalar) (gx, error) {
	if !res.IsComplex() || !allFloat(ts) {
		return gx{}, fmt.Errorf("want real arguments and a complex result")
	}
	part := realPart(res)
	args := make([]jen.Code, 2)
	k := true
	for i := range a {
		g := a[i]
		if ts[i] != part {
			g = conv(part, g)
		}
		if g.untyped && part == ir.Float32 {
			g = conv(part, g)
		}
		args[i] = g.code
		k = k && a[i].konst
	}
	return gx{code: jen.Id("complex").Call(args...), prec: precPrimary, konst: k}, nil
}
