package ir

import "math"

// SameExpr reports whether a and b are the same pure expression: same
// operators, same variables, bit-identical constants of the same type.
// Loads and calls are never equal.
func SameExpr(a, b Expr) bool {
	switch a := a.(type) {
	case *ConstExpr:
		b, ok := b.(*ConstExpr)
		if !ok || a.T != b.T {
			return false
		}
		switch av := a.Value.(type) {
		case int64:
			bv, ok := b.Value.(int64)
			return ok && av == bv
		case bool:
			bv, ok := b.Value.(bool)
			return ok && av == bv
		case float64:
			bv, ok := b.Value.(float64)
			return ok && math.Float64bits(av) == math.Float64bits(bv)
		case complex128:
			bv, ok := b.Value.(complex128)
			return ok && math.Float64bits(real(av)) == math.Float64bits(real(bv)) &&
				math.Float64bits(imag(av)) == math.Float64bits(imag(bv))
		}
	case *VarRef:
		b, ok := b.(*VarRef)
		return ok && a.V == b.V
	case *Unary:
		b, ok := b.(*Unary)
		return ok && a.Op == b.Op && SameExpr(a.X, b.X)
	case *Binary:
		b, ok := b.(*Binary)
		return ok && a.Op == b.Op && SameExpr(a.X, b.X) && SameExpr(a.Y, b.Y)
	case *Convert:
		b, ok := b.(*Convert)
		return ok && a.T == b.T && SameExpr(a.X, b.X)
	case *Intrinsic:
		b, ok := b.(*Intrinsic)
		if !ok || a.Name != b.Name || !Identical(a.T, b.T) || len(a.Args) != len(b.Args) {
			return false
		}
		for i := range a.Args {
			if !SameExpr(a.Args[i], b.Args[i]) {
				return false
			}
		}
		return true
	case *Dim:
		b, ok := b.(*Dim)
		return ok && a.Arr == b.Arr && a.Kind == b.Kind && a.Axis == b.Axis
	}
	return false
}
