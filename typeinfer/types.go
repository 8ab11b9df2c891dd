package typeinfer

import (
	"fmt"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
)

// The four Python builtin scalar types share their ir kinds with np.bool_,
// np.int64, np.float64 and np.complex128. ir has no way to tell them apart,
// so values of those kinds follow Python's rules and only the other
// ("sized") kinds follow numpy's: a documented deviation for np.int64 and
// friends (np.int64(1) // 0 raises like Python's int instead of giving 0).
func isPy(s ir.Scalar) bool {
	return s == ir.Bool || s == ir.Int64 || s == ir.Float64 || s == ir.Complex128
}

func isSized(s ir.Scalar) bool { return s != ir.Invalid && !isPy(s) && s <= ir.Complex128 }

// class is the position on Python's numeric tower: 0 bool, 1 int, 2 float,
// 3 complex. Conversions and annotations are judged by class: a value may
// flow into a declared type of the same or a higher class.
func class(s ir.Scalar) int {
	switch {
	case s == ir.Bool:
		return 0
	case s.IsInt():
		return 1
	case s.IsFloat():
		return 2
	case s.IsComplex():
		return 3
	}
	return -1
}

var pyOfClass = [4]ir.Scalar{ir.Bool, ir.Int64, ir.Float64, ir.Complex128}

// pyName is how Python error messages spell a type.
func pyName(t ir.Type) string { return numpy.TypeName(t) }

// shapes names two types that failed to unify for a contradiction message,
// where "a tuple is not a number" matters more than the element types;
// tuple lengths are given only when both are tuples.
func shapes(a, b ir.Type) (string, string) {
	ta, okA := a.(*ir.Tuple)
	tb, okB := b.(*ir.Tuple)
	if okA && okB {
		return fmt.Sprintf("a tuple of %d", len(ta.Elems)), fmt.Sprintf("a tuple of %d", len(tb.Elems))
	}
	return pyName(a), pyName(b)
}

// join unifies two types of one variable (or of the arms of a conditional
// expression): the numeric tower for Python scalars, numpy's promotion for
// sized kinds, elementwise for tuples of equal length. nil means "not known
// yet" during the fixed-point iteration and is the identity.
func join(a, b ir.Type) (ir.Type, bool) {
	if a == nil {
		return b, true
	}
	if b == nil {
		return a, true
	}
	if t, ok, handled := joinNone(a, b); handled {
		return t, ok
	}
	switch a := a.(type) {
	case ir.Scalar:
		b, ok := b.(ir.Scalar)
		if !ok {
			return nil, false
		}
		if a == b {
			return a, true
		}
		if isPy(a) && isPy(b) {
			return pyOfClass[max(class(a), class(b))], true
		}
		r := numpyBin("+", a, b)
		if r == ir.Invalid || r == bad {
			return nil, false
		}
		return r, true
	case *ir.Tuple:
		b, ok := b.(*ir.Tuple)
		if !ok || len(a.Elems) != len(b.Elems) {
			return nil, false
		}
		elems := make([]ir.Type, len(a.Elems))
		for i := range elems {
			e, ok := join(a.Elems[i], b.Elems[i])
			if !ok {
				return nil, false
			}
			elems[i] = e
		}
		return &ir.Tuple{Elems: elems}, true
	case ir.NoneType:
		_, ok := b.(ir.NoneType)
		return a, ok
	case *ir.List:
		b, ok := b.(*ir.List)
		if !ok {
			return nil, false
		}
		e, ok := joinElem(a.Elem, b.Elem)
		if !ok {
			return nil, false
		}
		return &ir.List{Elem: e}, true
	case ir.Generator:
		_, ok := b.(ir.Generator)
		return a, ok
	case *ir.FuncValue:
		// One function; its captures widen like any variable.
		b, ok := b.(*ir.FuncValue)
		if !ok || a.Code != b.Code || len(a.Captures) != len(b.Captures) {
			return nil, false
		}
		caps := make([]ir.Type, len(a.Captures))
		for i := range caps {
			t, ok := join(a.Captures[i], b.Captures[i])
			if !ok {
				return nil, false
			}
			caps[i] = t
		}
		return &ir.FuncValue{Code: a.Code, Name: a.Name, Captures: caps}, true
	case *ir.Array:
		// One variable holds arrays of one dtype and rank: numpy would
		// let it change, but the generated Go variable cannot. The join
		// is contiguous only if both are.
		b, ok := b.(*ir.Array)
		if !ok || a.Elem != b.Elem || a.Rank != b.Rank {
			return nil, false
		}
		return &ir.Array{Elem: a.Elem, Rank: a.Rank, Contig: a.Contig && b.Contig}, true
	}
	return nil, false
}

// convertible reports whether a value of type from may be stored into a
// declared type to (an annotated local, a parameter, a declared result):
// conversions go up the numeric tower, never down.
func convertible(from, to ir.Type) bool {
	if from == nil || to == nil {
		return true
	}
	if o, ok := to.(*ir.Optional); ok {
		// None, the value type, or an optional of it.
		switch f := from.(type) {
		case ir.NoneType:
			return true
		case *ir.Optional:
			return convertible(f.Elem, o.Elem)
		}
		return convertible(from, o.Elem)
	}
	switch to := to.(type) {
	case ir.Scalar:
		f, ok := from.(ir.Scalar)
		if !ok || class(f) > class(to) {
			return false
		}
		if f != to && f != ir.Bool && (isSized(f) || isSized(to)) {
			// A declaration does not convert in Python: the variable
			// keeps the value's numpy type. Storing it in the declared
			// kind is only the same value where numpy casts safely
			// (int8 -> int32 yes; Python int -> np.uint8 or float ->
			// np.float32 would silently wrap or round).
			return numpyBin("+", f, to) == to
		}
		return true
	case *ir.Tuple:
		f, ok := from.(*ir.Tuple)
		if !ok || len(f.Elems) != len(to.Elems) {
			return false
		}
		for i := range f.Elems {
			if !convertible(f.Elems[i], to.Elems[i]) {
				return false
			}
		}
		return true
	case *ir.List:
		// A list keeps its elements' types: only an empty list's
		// unknown element type converts.
		f, ok := from.(*ir.List)
		return ok && (f.Elem == nil || to.Elem == nil || ir.Identical(f.Elem, to.Elem))
	case *ir.Array:
		// Arrays are passed by reference: the dtype and rank must match,
		// and a declared contiguous array needs a contiguous value.
		f, ok := from.(*ir.Array)
		return ok && f.Elem == to.Elem && f.Rank == to.Rank && (f.Contig || !to.Contig)
	}
	return ir.Identical(from, to)
}

// complete reports whether t has no unknown parts.
func complete(t ir.Type) bool {
	switch t := t.(type) {
	case nil:
		return false
	case *ir.Tuple:
		for _, e := range t.Elems {
			if !complete(e) {
				return false
			}
		}
	}
	return true
}

func numpyBin(op string, l, r ir.Scalar) ir.Scalar {
	tab := numpyBinary[op]
	if tab == nil || l > ir.Complex128 || r > ir.Complex128 {
		return ir.Invalid
	}
	return tab[l][r]
}

var opNames = map[ast.OperatorNumber]string{
	ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Modulo: "%", ast.Pow: "**",
	ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&",
	ast.FloorDiv: "//",
}

// binaryType is the result type of `l op r` on scalars, or an error message
// worded like CPython's TypeError. negLitExp says the right operand is a
// negative integer literal (int ** -1 is a float in Python).
func binaryType(op string, l, r ir.Scalar, negLitExp bool) (ir.Scalar, string) {
	unsupported := fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op, pyName(l), pyName(r))
	if !isPy(l) || !isPy(r) {
		res := numpyBin(op, l, r)
		if res == bad || res == ir.Invalid {
			return ir.Invalid, unsupported
		}
		return res, ""
	}
	cl, cr := class(l), class(r)
	hi := max(cl, cr, 1) // arithmetic on bools is int arithmetic
	switch op {
	case "+", "-", "*":
		return pyOfClass[hi], ""
	case "/":
		return pyOfClass[max(hi, 2)], ""
	case "//", "%":
		if hi == 3 {
			return ir.Invalid, unsupported
		}
		return pyOfClass[hi], ""
	case "**":
		if hi == 1 && negLitExp {
			return ir.Float64, ""
		}
		return pyOfClass[hi], ""
	case "&", "|", "^":
		if cl == 0 && cr == 0 {
			return ir.Bool, ""
		}
		if hi == 1 {
			return ir.Int64, ""
		}
		return ir.Invalid, unsupported
	case "<<", ">>":
		if hi == 1 {
			return ir.Int64, ""
		}
		return ir.Invalid, unsupported
	}
	return ir.Invalid, "unsupported operator " + op
}

// unaryType is the result of -x, +x, ~x or abs(x) on a scalar.
func unaryType(op string, x ir.Scalar) (ir.Scalar, string) {
	name := op
	if op != "abs" {
		name = "unary " + op
	}
	msg := fmt.Sprintf("bad operand type for %s: '%s'", name, pyName(x))
	if !isPy(x) {
		if tab := numpyUnary[op]; tab != nil && x <= ir.Complex128 {
			if r := tab[x]; r != bad && r != ir.Invalid {
				return r, ""
			}
		}
		return ir.Invalid, msg
	}
	c := class(x)
	switch op {
	case "-", "+":
		return pyOfClass[max(c, 1)], ""
	case "~":
		if c <= 1 {
			return ir.Int64, ""
		}
		return ir.Invalid, msg
	case "abs":
		if c == 3 {
			return ir.Float64, ""
		}
		return pyOfClass[max(c, 1)], ""
	}
	return ir.Invalid, msg
}

var builtinTypeNames = map[string]ir.Scalar{
	"int": ir.Int64, "float": ir.Float64, "bool": ir.Bool, "complex": ir.Complex128,
}

// sameType is ir.Identical extended to the partly unknown types of the
// fixed-point iteration: nil (not known yet) equals only nil, at any
// depth. ir.Identical says a tuple with an unknown element differs from
// itself, which made a function returning (unknown, int) "change" on every
// pass and the iteration never settle.
func sameType(a, b ir.Type) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ta, okA := a.(*ir.Tuple)
	tb, okB := b.(*ir.Tuple)
	if okA || okB {
		if !okA || !okB || len(ta.Elems) != len(tb.Elems) {
			return false
		}
		for i := range ta.Elems {
			if !sameType(ta.Elems[i], tb.Elems[i]) {
				return false
			}
		}
		return true
	}
	return ir.Identical(a, b)
}
