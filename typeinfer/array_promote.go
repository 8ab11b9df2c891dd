package typeinfer

import (
	"fmt"
	"math"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Array dtype rules come from numpyArrayProbe (generated from numpy 1.24 by
// testdata/numpy_array_probe.py). Its lines are
//
//	un OP KIND -> RES            unary operator on a KIND array
//	fn NAME KIND -> RES          one-array ufunc or reduction np.NAME
//	aa OP KIND KIND -> RES       array OP array (or a named binary ufunc)
//	as OP KIND CLASS -> RES      array OP scalar of value class CLASS
//	sa OP CLASS KIND -> RES      scalar OP array (only "**" and power differ by side)
//
// RES is a dtype name, "error" (TypeError), "valueerror" (int ** negative
// int) or a dtype pyc2go lacks (float16).
var (
	arrayRules   = map[string]string{}
	scalarClasss = map[ir.Scalar][]string{} // value classes per scalar kind, in probe order
)

var scalarByName = map[string]ir.Scalar{}

func init() {
	for s := ir.Bool; s <= ir.Complex128; s++ {
		scalarByName[s.String()] = s
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(numpyArrayProbe), "\n") {
		lhs, res, _ := strings.Cut(line, " -> ")
		arrayRules[lhs] = res
		f := strings.Fields(lhs)
		if f[0] == "as" && !seen[f[3]] {
			seen[f[3]] = true
			k, _, _ := strings.Cut(f[3], ":")
			scalarClasss[scalarByName[k]] = append(scalarClasss[scalarByName[k]], f[3])
		}
	}
}

// ruleResult turns a table result into a kind or an error message.
func ruleResult(res, what string) (ir.Scalar, string) {
	switch res {
	case "":
		return ir.Invalid, "unsupported: " + what
	case "error":
		return ir.Invalid, what + " is not supported by numpy (TypeError)"
	case "valueerror":
		return ir.Invalid, "Integers to negative integer powers are not allowed."
	}
	if k, ok := scalarByName[res]; ok {
		return k, ""
	}
	return ir.Invalid, fmt.Sprintf("unsupported: %s is computed in %s by numpy, which pyc2go does not support; convert the array with .astype(np.float32) first", what, res)
}

// arrayUnaryType is the dtype of -a, +a, ~a or abs(a) for a KIND array.
func arrayUnaryType(op string, k ir.Scalar) (ir.Scalar, string) {
	name := op
	if op != "abs" {
		name = "unary " + op
	}
	return ruleResult(arrayRules["un "+op+" "+k.String()], fmt.Sprintf("%s of %s", name, anArray(k)))
}

// arrayFuncType is the dtype of np.NAME(a) (ufunc or reduction) of a KIND array.
func arrayFuncType(name string, k ir.Scalar) (ir.Scalar, string) {
	return ruleResult(arrayRules["fn "+name+" "+k.String()], fmt.Sprintf("np.%s of %s", name, anArray(k)))
}

// anArray is "a float64 array" / "an int32 array".
func anArray(k ir.Scalar) string {
	if strings.IndexByte("aeiou", k.String()[0]) >= 0 {
		return "an " + k.String() + " array"
	}
	return "a " + k.String() + " array"
}

func opWhat(op string, l, r string) string {
	if len(op) <= 2 {
		return fmt.Sprintf("%s %s %s", l, op, r)
	}
	return fmt.Sprintf("np.%s(%s, %s)", op, l, r)
}

// arrayBinType is the dtype of `array op array` (op is an operator or a
// named binary ufunc: minimum, arctan2, where, dot, ...). Array-array
// promotion is not value-based.
func arrayBinType(op string, l, r ir.Scalar) (ir.Scalar, string) {
	return ruleResult(arrayRules["aa "+op+" "+l.String()+" "+r.String()],
		opWhat(op, anArray(l), anArray(r)))
}

// scalarVal is what is known about a scalar operand of an array operation:
// its kind and, for constants, its value (int64, float64, complex128 or
// bool; nil when only known at run time).
type scalarVal struct {
	kind  ir.Scalar
	value any
}

// valueClass is the probe class of a constant scalar.
func valueClass(k ir.Scalar, v any) string {
	switch x := v.(type) {
	case bool:
		return "bool:True"
	case int64:
		var rep string
		switch {
		case x >= 0 && x <= 127:
			rep = "1"
		case x >= 0 && x <= 255:
			rep = "200"
		case x >= 0 && x <= 32767:
			rep = "1000"
		case x >= 0 && x <= 65535:
			rep = "40000"
		case x >= 0 && x <= math.MaxInt32:
			rep = "100000"
		case x >= 0 && x <= math.MaxUint32:
			rep = "3000000000"
		case x >= 0:
			rep = "1099511627776"
		case x >= -128:
			rep = "-1"
		case x >= -32768:
			rep = "-200"
		case x >= math.MinInt32:
			rep = "-40000"
		default:
			rep = "-3000000000"
		}
		return k.String() + ":" + rep
	case float64:
		// min_scalar_type: float16 holds |x| <= 65504 (and inf, nan).
		a := math.Abs(x)
		switch {
		case a <= 65504 || math.IsInf(x, 0) || math.IsNaN(x):
			return k.String() + ":2.0"
		case a <= math.MaxFloat32:
			return k.String() + ":100000.0"
		}
		return k.String() + ":1e+300"
	case complex128:
		a := math.Max(math.Abs(real(x)), math.Abs(imag(x)))
		if a <= math.MaxFloat32 || math.IsInf(a, 0) || math.IsNaN(a) {
			return k.String() + ":2j"
		}
		return k.String() + ":1e+300j"
	}
	return ""
}

// arrayScalarType is the dtype of `array op scalar` (scalarLeft: `scalar
// op array`) with numpy 1.24's value-based casting. A constant scalar has
// one value class. A scalar only known at run time may have any value of
// its kind: when numpy's result dtype differs between those values, no
// static type is right for every run, and the operation is rejected
// (sound rather than silently wrong); the message says how to pin it.
func arrayScalarType(op string, arr ir.Scalar, sc scalarVal, scalarLeft bool) (ir.Scalar, string) {
	what := opWhat(op, anArray(arr), pyName(sc.kind))
	if scalarLeft {
		what = opWhat(op, pyName(sc.kind), anArray(arr))
	}
	lookup := func(class string) string {
		if scalarLeft && (op == "**" || op == "power") {
			return arrayRules["sa "+op+" "+class+" "+arr.String()]
		}
		return arrayRules["as "+op+" "+arr.String()+" "+class]
	}
	if sc.value != nil {
		return ruleResult(lookup(valueClass(sc.kind, sc.value)), what)
	}
	res := ""
	for _, class := range scalarClasss[sc.kind] {
		r := lookup(class)
		if r == "valueerror" {
			continue // a negative exponent: a run-time error, not a type
		}
		if res == "" {
			res = r
		} else if r != res {
			return ir.Invalid, fmt.Sprintf("the dtype of %s depends on the scalar's value at run time in numpy 1.24 (value-based casting: it may be %s or %s); convert the scalar to the array's type, as in np.%s(x), or write a constant", what, res, r, arr)
		}
	}
	return ruleResult(res, what)
}

// constScalar returns the folded value of a constant operand, if it is one.
func constScalarValue(v cval) any {
	switch v.Type {
	case ir.Bool:
		return truthy(v)
	case ir.Int64:
		return v.asInt()
	case ir.Float64:
		return v.asFloat()
	case ir.Complex128:
		return v.asComplex()
	}
	return nil
}
