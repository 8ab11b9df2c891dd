package numpy

import (
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// TypeName is how Python and numpy messages spell a type: int, float,
// numpy.float32, float64[:, :] array, tuple, None.
func TypeName(t ir.Type) string {
	switch t := t.(type) {
	case ir.Scalar:
		if t == ir.Bool || t == ir.Int64 || t == ir.Float64 || t == ir.Complex128 {
			return t.PyName()
		}
		return "numpy." + t.String()
	case *ir.Tuple:
		return "tuple"
	case ir.NoneType:
		return "None"
	case *ir.Optional:
		return "Optional[" + TypeName(t.Elem) + "]"
	case nil:
		return "unknown"
	case *ir.Array:
		return ArrayName(t)
	}
	return t.String()
}

// ArrayName is how messages spell an array type: "float64[:, ::1] array".
func ArrayName(a *ir.Array) string { return a.String() + " array" }

// AnArray is "a float64 array" / "an int32 array".
func AnArray(k ir.Scalar) string {
	if strings.IndexByte("aeiou", k.String()[0]) >= 0 {
		return "an " + k.String() + " array"
	}
	return "a " + k.String() + " array"
}
