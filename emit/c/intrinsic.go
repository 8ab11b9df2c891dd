package emitc

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// intrinsic emits a scalar intrinsic. Transcendental functions call libm
// in double: float32 arguments are widened and the result rounded back,
// as the Go backend does (exact for the correctly rounded operations,
// last-bit differences from numpy's float32 routines otherwise, which the
// IR marks inexact). glibc's exp, log, pow and hypot are what CPython
// calls, so the C backend agrees with CPython there by construction.
func (e *funcEmitter) intrinsic(x *ir.Intrinsic) (cx, error) {
	if isListIntrinsic(x.Name) {
		return e.listIntrinsic(x) // list.go
	}
	info := ir.LookupIntrinsic(x.Name)
	if info == nil {
		return cx{}, fmt.Errorf("unknown intrinsic %q", x.Name)
	}
	if len(x.Args) != info.Arity {
		return cx{}, fmt.Errorf("intrinsic %s: want %d arguments, got %d", x.Name, info.Arity, len(x.Args))
	}
	if _, ok := arrayIntrinsics[x.Name]; ok {
		return e.arrayIntrinsic(x)
	}
	res, err := scalarOf(x.T)
	if err != nil {
		return cx{}, err
	}
	a := make([]cx, len(x.Args))
	ts := make([]ir.Scalar, len(x.Args))
	for i, arg := range x.Args {
		if ts[i], err = scalarOf(arg.Type()); err != nil {
			return cx{}, err
		}
		if a[i], err = e.expr(arg); err != nil {
			return cx{}, err
		}
	}
	g, err := scalarIntrinsic(x.Name, a, ts, res)
	if err != nil {
		return cx{}, fmt.Errorf("intrinsic %s(%s): %w", x.Name, typeList(ts), err)
	}
	return g, nil
}

func typeList(ts []ir.Scalar) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, ", ")
}

func call(fn string, args ...cx) cx {
	s := make([]string, len(args))
	for i, a := range args {
		s[i] = a.code
	}
	return prim(fn + "(" + strings.Join(s, ", ") + ")")
}

// fit converts a helper's result of type from to the intrinsic's type.
func fit(g cx, from, to ir.Scalar) cx {
	if from == to {
		return g
	}
	return cast(to, g)
}

func asF64(g cx, t ir.Scalar) cx {
	if t == ir.Float64 {
		return g
	}
	return cast(ir.Float64, g)
}

func asI64(g cx, t ir.Scalar) cx {
	if t == ir.Int64 {
		return g
	}
	return cast(ir.Int64, g)
}

func asC128(g cx, t ir.Scalar) cx {
	switch {
	case t == ir.Complex128:
		return g
	case t == ir.Complex64:
		return cast(ir.Complex128, g)
	}
	return prim("CMPLX(" + asF64(g, t).code + ", 0.0)")
}

func allReal(ts []ir.Scalar) bool {
	for _, t := range ts {
		if t.IsComplex() {
			return false
		}
	}
	return true
}

// realCall calls a double function of libm or the runtime.
func realCall(fn string, a []cx, ts []ir.Scalar, res ir.Scalar) (cx, error) {
	if !allReal(ts) {
		return cx{}, fmt.Errorf("want real arguments")
	}
	args := make([]cx, len(a))
	for i := range a {
		args[i] = asF64(a[i], ts[i])
	}
	g := call(fn, args...)
	if res == ir.Bool {
		return g, nil
	}
	return fit(g, ir.Float64, res), nil
}

// libm maps intrinsics that are one libm function of a double.
var libm = map[string]string{
	"expm1": "expm1", "exp2": "exp2", "log1p": "log1p", "log2": "log2", "log10": "log10",
	"sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos", "atan": "atan",
	"atan2": "atan2", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "asinh": "asinh",
	"acosh": "acosh", "atanh": "atanh", "erf": "erf", "erfc": "erfc", "gamma": "tgamma",
	"lgamma": "lgamma", "cbrt": "cbrt", "hypot": "hypot", "fmod": "fmod",
	"copysign": "copysign", "floor": "floor", "ceil": "ceil", "trunc": "trunc",
	// nearbyint rounds half to even in the default rounding mode.
	"roundeven": "nearbyint",
	"logb":      "pyc2go_logb", "degrees": "pyc2go_degrees", "radians": "pyc2go_radians",
	"ftoi_ok": "pyc2go_ftoi_ok", "isclose": "pyc2go_isclose",
	"domain_err": "pyc2go_domain_err", "range_err": "pyc2go_range_err",
	"isnan": "isnan", "isinf": "isinf", "isfinite": "isfinite",
}

func scalarIntrinsic(name string, a []cx, ts []ir.Scalar, res ir.Scalar) (cx, error) {
	t := ts[0]
	if fn, ok := libm[name]; ok {
		return realCall(fn, a, ts, res)
	}
	switch name {
	case "abs":
		switch {
		case t.IsInt() && !t.IsSigned():
			return fit(a[0], t, res), nil
		case t.IsInt():
			return fit(call("pyc2go_abs_i64", asI64(a[0], t)), ir.Int64, res), nil
		case t.IsFloat():
			return realCall("fabs", a, ts, res)
		case t.IsComplex():
			return fit(call("pyc2go_cabs", asC128(a[0], t)), ir.Float64, res), nil
		}
	case "cabs":
		return fit(call("pyc2go_cabs", asC128(a[0], t)), ir.Float64, res), nil
	case "floordiv", "mod":
		op := "/"
		if name == "mod" {
			op = "%"
		}
		switch {
		case t.IsInt() && !t.IsSigned():
			// unsigned division already floors
			return fit(cx{code: a[0].paren() + " " + op + " " + a[1].paren()}, t, res), nil
		case t.IsInt() || t == ir.Bool:
			return fit(call("pyc2go_"+name+"_i64", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
		case t.IsFloat():
			return realCall("pyc2go_"+name+"_f64", a, ts, res)
		}
	case "truediv":
		switch {
		case t.IsInt() || t == ir.Bool:
			return fit(call("pyc2go_truediv_i64", asI64(a[0], t), asI64(a[1], ts[1])), ir.Float64, res), nil
		case t.IsFloat():
			return fit(cx{code: a[0].paren() + " / " + a[1].paren()}, t, res), nil
		case t.IsComplex():
			return fit(complexMulDiv(ir.Div, t, a[0], a[1]), t, res), nil
		}
	case "pow":
		switch {
		case t.IsComplex():
			return fit(call("pyc2go_cpow", asC128(a[0], t), asC128(a[1], ts[1])), ir.Complex128, res), nil
		case t.IsFloat() || ts[1].IsFloat():
			return realCall("pyc2go_pow_f64", a, ts, res)
		}
		return fit(call("pyc2go_pow_i64", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
	case "powi":
		return fit(call("pyc2go_pow_i64", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
	case "min", "max":
		if ts[1] != t || t.IsComplex() {
			break
		}
		if t == ir.Bool {
			op := "&&"
			if name == "max" {
				op = "||"
			}
			return cx{code: a[0].paren() + " " + op + " " + a[1].paren()}, nil
		}
		return fit(call("pyc2go_"+name+"_"+t.String(), a[0], a[1]), t, res), nil
	case "sqrt":
		if t.IsComplex() {
			return fit(call("pyc2go_csqrt", asC128(a[0], t)), ir.Complex128, res), nil
		}
		return realCall("sqrt", a, ts, res)
	case "exp":
		if t.IsComplex() {
			return fit(call("pyc2go_cexp", asC128(a[0], t)), ir.Complex128, res), nil
		}
		return realCall("exp", a, ts, res)
	case "log":
		if t.IsComplex() {
			return fit(call("pyc2go_clog", asC128(a[0], t)), ir.Complex128, res), nil
		}
		return realCall("log", a, ts, res)
	case "round":
		switch {
		case t == ir.Float32:
			return fit(call("pyc2go_round_f32", a[0], asI64(a[1], ts[1])), ir.Float32, res), nil
		case t.IsFloat():
			return fit(call("pyc2go_round_f64", asF64(a[0], t), asI64(a[1], ts[1])), ir.Float64, res), nil
		case t.IsInt():
			return fit(call("pyc2go_round_i64", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
		}
	case "ftoi":
		return cast(res, a[0]), nil
	case "gcd":
		return fit(call("pyc2go_gcd", asI64(a[0], t), asI64(a[1], ts[1])), ir.Int64, res), nil
	case "factorial":
		return fit(call("pyc2go_factorial", asI64(a[0], t)), ir.Int64, res), nil
	case "real":
		if !t.IsComplex() {
			return fit(a[0], t, res), nil
		}
		fn := "creal"
		if t == ir.Complex64 {
			fn = "crealf"
		}
		return fit(call(fn, a[0]), realPart(t), res), nil
	case "imag":
		if !t.IsComplex() {
			return cast(res, prim("0")), nil
		}
		fn := "cimag"
		if t == ir.Complex64 {
			fn = "cimagf"
		}
		return fit(call(fn, a[0]), realPart(t), res), nil
	case "conj":
		if !t.IsComplex() {
			return fit(a[0], t, res), nil
		}
		fn := "conj"
		if t == ir.Complex64 {
			fn = "conjf"
		}
		return fit(call(fn, a[0]), t, res), nil
	case "complex":
		if !res.IsComplex() || !allReal(ts) {
			break
		}
		p, mk := realPart(res), "CMPLX"
		if res == ir.Complex64 {
			mk = "CMPLXF"
		}
		return prim(mk + "(" + fit(a[0], ts[0], p).code + ", " + fit(a[1], ts[1], p).code + ")"), nil
	case "cprod_mul":
		// acc * x: inexact in the IR only because numpy's AVX-512F
		// complex reduction associates otherwise.
		if !res.IsComplex() {
			break
		}
		return complexMulDiv(ir.Mul, res, a[0], a[1]), nil
	case "blas_add":
		// acc + term: inexact in the IR only because numpy's BLAS sums in
		// another order.
		return cx{code: a[0].paren() + " + " + a[1].paren()}, nil
	case "slice_adjust", "slice_len", "trip_count", "chunks", "chunk_lo", "chunk_hi":
		return call("pyc2go_"+name, a...), nil
	}
	return cx{}, fmt.Errorf("unsupported argument types")
}

// switchIntrinsics lists the names scalarIntrinsic's switch handles, so a
// test can check that every intrinsic of the IR has a C form.
var switchIntrinsics = []string{
	"abs", "cabs", "floordiv", "mod", "truediv", "pow", "powi", "min", "max", "sqrt", "exp", "log",
	"round", "ftoi", "gcd", "factorial", "real", "imag", "conj", "complex", "blas_add", "cprod_mul",
	"slice_adjust", "slice_len", "trip_count", "chunks", "chunk_lo", "chunk_hi",
	"list_len", "list_get", // intrinsic's own case (list.go)
}
