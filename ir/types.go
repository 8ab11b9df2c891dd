package ir

import (
	"fmt"
	"strings"
)

// Type is the type of a value: a Scalar, a *Tuple, None or an *Array.
type Type interface {
	String() string
	isType()
}

// Scalar is a machine scalar type. Python's int is Int64 and float is
// Float64; the sized kinds come from numpy scalar annotations.
type Scalar uint8

const (
	Invalid Scalar = iota
	Bool
	Int8
	Int16
	Int32
	Int64
	Uint8
	Uint16
	Uint32
	Uint64
	Float32
	Float64
	Complex64
	Complex128
)

var scalarNames = [...]string{
	Invalid: "invalid", Bool: "bool", Int8: "int8", Int16: "int16", Int32: "int32", Int64: "int64",
	Uint8: "uint8", Uint16: "uint16", Uint32: "uint32", Uint64: "uint64",
	Float32: "float32", Float64: "float64", Complex64: "complex64", Complex128: "complex128",
}

func (s Scalar) String() string {
	if int(s) < len(scalarNames) {
		return scalarNames[s]
	}
	return fmt.Sprintf("scalar(%d)", int(s))
}
func (Scalar) isType() {}

// IsInt reports whether s is a signed or unsigned integer kind (not Bool).
func (s Scalar) IsInt() bool     { return s >= Int8 && s <= Uint64 }
func (s Scalar) IsSigned() bool  { return s >= Int8 && s <= Int64 }
func (s Scalar) IsFloat() bool   { return s == Float32 || s == Float64 }
func (s Scalar) IsComplex() bool { return s == Complex64 || s == Complex128 }

// IsNumber reports whether s takes part in arithmetic (bool does, as an int
// subtype in Python, but only after an explicit Convert).
func (s Scalar) IsNumber() bool { return s.IsInt() || s.IsFloat() || s.IsComplex() }

// Bits is the width of one value in bits (complex: both halves).
func (s Scalar) Bits() int {
	switch s {
	case Bool, Int8, Uint8:
		return 8
	case Int16, Uint16:
		return 16
	case Int32, Uint32, Float32:
		return 32
	case Int64, Uint64, Float64, Complex64:
		return 64
	case Complex128:
		return 128
	}
	return 0
}

// PyName is how Python (or numpy) spells the type: "int", "float", "bool",
// "complex" for the Python builtins, numpy names for the sized ones. The
// harness uses it to convert command-line literals.
func (s Scalar) PyName() string {
	switch s {
	case Int64:
		return "int"
	case Float64:
		return "float"
	case Complex128:
		return "complex"
	}
	return s.String()
}

// Tuple is the type of a multi-value result; tuples never live in memory,
// lower flattens them into one variable per element.
type Tuple struct{ Elems []Type }

func (t *Tuple) String() string {
	parts := make([]string, len(t.Elems))
	for i, e := range t.Elems {
		parts[i] = e.String()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
func (*Tuple) isType() {}

// NoneType is the result type of a function that returns nothing.
type NoneType struct{}

func (NoneType) String() string { return "None" }
func (NoneType) isType()        {}

// None is the one NoneType value.
var None Type = NoneType{}

// Optional is the type the front half gives a value that is None or an
// Elem (a Scalar or an *Array): `out=None` parameters, `best = None` then
// `best = v`. Lowering represents it without this type, so emitters never
// meet it: an optional array is an array variable whose None is no array
// (IsNone), an optional scalar is a pair of variables, the value and a
// flag saying it is None.
type Optional struct{ Elem Type }

func (t *Optional) String() string { return "Optional[" + t.Elem.String() + "]" }
func (*Optional) isType()          {}

// List is a Python list whose elements all have type Elem. In the front
// half Elem may be a scalar, an array or a tuple of those (nil while
// typeinfer has not seen an element yet); lowering holds a list of tuples
// as one list per leaf, kept in step, so emitters see lists of scalars
// and of arrays only. A list lives in memory and is shared by reference,
// as Python's is: the runtime's List[T] in Go, a pyc2go_list_T pointer in
// C.
type List struct{ Elem Type }

func (t *List) String() string {
	if t.Elem == nil {
		return "list[?]"
	}
	return "list[" + t.Elem.String() + "]"
}
func (*List) isType() {}

// FuncValue is the type the front half gives a function used as a value:
// a lambda, a nested def or a module function bound to a variable or
// passed to a parameter. Code identifies the function (compared with ==)
// and Name spells it; Captures are the types of the values it reads from
// the function it was defined in. Calls through it are compiled as calls
// of that function (one instance per signature, as any untyped function),
// so no closure exists at run time: lowering holds a function value as
// its captures alone, one variable each, and emitters never meet this
// type.
type FuncValue struct {
	Code     any
	Name     string
	Captures []Type
}

func (t *FuncValue) String() string {
	parts := make([]string, len(t.Captures))
	for i, c := range t.Captures {
		parts[i] = c.String()
	}
	return "function " + t.Name + "[" + strings.Join(parts, ", ") + "]"
}
func (*FuncValue) isType() {}

// Array is an N-d strided numpy array of Elem. Contig records that the
// innermost axis is known to have unit stride (an annotation like
// "float64[:, ::1]").
type Array struct {
	Elem   Scalar
	Rank   int
	Contig bool
}

func (a *Array) String() string {
	dims := make([]string, a.Rank)
	for i := range dims {
		dims[i] = ":"
	}
	if a.Contig && a.Rank > 0 {
		dims[a.Rank-1] = "::1"
	}
	return a.Elem.String() + "[" + strings.Join(dims, ", ") + "]"
}
func (*Array) isType() {}

// Buffer is a function's fixed-length scratch vector of Len scalars,
// zero when the function starts: the chunk pass keeps a parallel loop's
// reduction partials in one, a slot per chunk. Only Load and Store reach
// it (at offsets in [0, Len)); it is never assigned, passed or returned.
// Emitters print it as a local array (Go [Len]T, C T name[Len]).
type Buffer struct {
	Elem Scalar
	Len  int64
}

func (b *Buffer) String() string { return fmt.Sprintf("%s[%d]", b.Elem, b.Len) }
func (*Buffer) isType()          {}

// Identical reports whether a and b are the same type.
func Identical(a, b Type) bool {
	switch a := a.(type) {
	case Scalar:
		b, ok := b.(Scalar)
		return ok && a == b
	case NoneType:
		_, ok := b.(NoneType)
		return ok
	case Generator:
		_, ok := b.(Generator)
		return ok
	case ExcValue:
		_, ok := b.(ExcValue)
		return ok
	case *Tuple:
		b, ok := b.(*Tuple)
		if !ok || len(a.Elems) != len(b.Elems) {
			return false
		}
		for i := range a.Elems {
			if !Identical(a.Elems[i], b.Elems[i]) {
				return false
			}
		}
		return true
	case *Array:
		b, ok := b.(*Array)
		return ok && *a == *b
	case *Buffer:
		b, ok := b.(*Buffer)
		return ok && *a == *b
	case *Optional:
		b, ok := b.(*Optional)
		return ok && Identical(a.Elem, b.Elem)
	case *List:
		b, ok := b.(*List)
		return ok && (a.Elem == nil && b.Elem == nil || a.Elem != nil && b.Elem != nil && Identical(a.Elem, b.Elem))
	case *FuncValue:
		b, ok := b.(*FuncValue)
		if !ok || a.Code != b.Code || len(a.Captures) != len(b.Captures) {
			return false
		}
		for i := range a.Captures {
			if !Identical(a.Captures[i], b.Captures[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// Leaves is t with its tuples flattened, nested ones included: the types
// of the values that hold it, in order (a scalar or an array is its own
// one leaf).
func Leaves(t Type) []Type {
	tt, ok := t.(*Tuple)
	if !ok {
		return []Type{t}
	}
	var out []Type
	for _, e := range tt.Elems {
		out = append(out, Leaves(e)...)
	}
	return out
}

// IsScalar reports whether t is a Scalar of one of the given kinds (any
// scalar when none are given).
func IsScalar(t Type, kinds ...Scalar) bool {
	s, ok := t.(Scalar)
	if !ok {
		return false
	}
	if len(kinds) == 0 {
		return true
	}
	for _, k := range kinds {
		if s == k {
			return true
		}
	}
	return false
}

// AssignableTo reports whether a value of type src may be stored where dst
// is expected: identical types, or arrays of the same element type and rank
// where only src is known to be contiguous (dst claims less). A fresh
// C-contiguous array returned as a plain float64[:] result needs no view.
func AssignableTo(src, dst Type) bool {
	if Identical(src, dst) {
		return true
	}
	s, ok1 := src.(*Array)
	d, ok2 := dst.(*Array)
	return ok1 && ok2 && s.Elem == d.Elem && s.Rank == d.Rank && s.Contig && !d.Contig
}
