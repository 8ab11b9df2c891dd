package harness

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/pyc2go/pyc2go/runtime"
)

// ndarray is what every *runtime.Array[T] provides; the harness needs no
// more than printing and saving, so it stays free of type parameters.
type ndarray interface {
	String() string
	Npy() *runtime.NpyArray
}

// arrayType is a parsed array parameter type such as "float64[:, :]".
type arrayType struct {
	spelling string // as annotated, for messages
	dtype    string // normalised .npy descr
	rank     int
}

var reArrayType = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[\s*:\s*((?:,\s*:\s*)*)\]\s*$`)

// arrayDtypes maps the dtype spellings accepted in array types to descrs;
// the Python builtin names mean what numpy makes of them.
var arrayDtypes = map[string]string{
	"float64": "<f8", "float": "<f8", "float32": "<f4",
	"int64": "<i8", "int": "<i8", "int32": "<i4", "int16": "<i2", "int8": "|i1",
	"uint64": "<u8", "uint32": "<u4", "uint16": "<u2", "uint8": "|u1",
	"bool": "|b1", "bool_": "|b1",
	"complex128": "<c16", "complex": "<c16", "complex64": "<c8",
}

// parseArrayType recognises "DTYPE[:]", "DTYPE[:, :]", ...
func parseArrayType(typ string) (arrayType, bool) {
	m := reArrayType.FindStringSubmatch(typ)
	if m == nil {
		return arrayType{}, false
	}
	dt, ok := arrayDtypes[m[1]]
	if !ok {
		return arrayType{}, false
	}
	return arrayType{spelling: typ, dtype: dt, rank: 1 + strings.Count(m[2], ":")}, true
}

func hasArrays(f *Func) bool {
	for _, p := range f.Params {
		if _, ok := parseArrayType(p.Type); ok {
			return true
		}
	}
	return false
}

// loadArray makes the *runtime.Array[T] for at from an argument text: a
// nested list literal ("[1.0, 2.5]", "[[1, 2], [3, 4]]"), as np.array(text,
// dtype) would read it, or the path of a .npy file. The dtype and rank of
// a file must match exactly: compiled kernels are specialised to them and
// numpy would not silently convert a caller's array either.
func loadArray(at arrayType, text string) (any, error) {
	if strings.HasPrefix(strings.TrimSpace(text), "[") {
		n, err := parseArrayLiteral(at, text)
		if err != nil {
			return nil, fmt.Errorf("expected %s: %v", at.spelling, err)
		}
		return fromNpy(at, n)
	}
	n, err := runtime.ReadNpyFile(text)
	if err != nil {
		return nil, fmt.Errorf("expected %s, cannot read %s: %v (an array argument is a .npy file, np.save('x.npy', a), or a list literal such as [1.0, 2.5])", at.spelling, text, err)
	}
	if n.Dtype != at.dtype || len(n.Shape) != at.rank {
		return nil, fmt.Errorf("expected %s (rank %d), got %s array of rank %d from %s",
			at.spelling, at.rank, runtime.DtypeName(n.Dtype), len(n.Shape), text)
	}
	return fromNpy(at, n)
}

// parseArrayLiteral reads a nested list literal of rank at.rank into an
// array of at's dtype. Each element is a Python literal converted as a
// scalar argument of that dtype is (ConvertArg: ints into int arrays,
// ints and floats into float arrays, no silent truncation); the nesting
// must be rectangular, as numpy requires of a numeric array.
func parseArrayLiteral(at arrayType, text string) (*runtime.NpyArray, error) {
	name := runtime.DtypeName(at.dtype)
	zero, err := ConvertArg(name, false)
	if err != nil {
		return nil, err
	}
	data := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(zero)), 0, 8)
	shape := make([]int, at.rank)
	seen := make([]bool, at.rank)
	var walk func(s string, depth int) (string, error)
	walk = func(s string, depth int) (string, error) {
		s = strings.TrimLeft(s, " \t")
		if depth == at.rank {
			leaf, rest := splitLeaf(s)
			v, err := runtime.ParseLiteral(leaf)
			if err != nil {
				return "", err
			}
			if v, err = ConvertArg(name, v); err != nil {
				return "", err
			}
			data = reflect.Append(data, reflect.ValueOf(v))
			return rest, nil
		}
		if !strings.HasPrefix(s, "[") {
			return "", fmt.Errorf("a list literal of rank %d needs %d levels of [ ]", at.rank, at.rank)
		}
		s = strings.TrimLeft(s[1:], " \t")
		n := 0
		for !strings.HasPrefix(s, "]") {
			if n > 0 {
				if !strings.HasPrefix(s, ",") {
					return "", fmt.Errorf("expected , or ] at %q", s)
				}
				if s = strings.TrimLeft(s[1:], " \t"); strings.HasPrefix(s, "]") {
					break // a trailing comma, as Python allows
				}
			}
			var err error
			if s, err = walk(s, depth+1); err != nil {
				return "", err
			}
			s = strings.TrimLeft(s, " \t")
			n++
		}
		if seen[depth] && shape[depth] != n {
			return "", fmt.Errorf("the nested lists are not rectangular (lengths %d and %d at depth %d)", shape[depth], n, depth+1)
		}
		shape[depth], seen[depth] = n, true
		return s[1:], nil
	}
	rest, err := walk(text, 0)
	if err == nil && strings.TrimSpace(rest) != "" {
		err = fmt.Errorf("unexpected %q after the list", rest)
	}
	if err != nil {
		return nil, err
	}
	for d := range shape {
		if !seen[d] { // an empty outer list: inner extents are 0
			shape[d] = 0
		}
	}
	return &runtime.NpyArray{Dtype: at.dtype, Shape: shape, Data: data.Interface()}, nil
}

// splitLeaf splits s before the first , or ] outside parentheses: the
// element text (complex(1, 2) keeps its comma) and the rest.
func splitLeaf(s string) (string, string) {
	depth := 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth == 0 && (r == ',' || r == ']'):
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// fromNpy converts n, whose dtype is at's, to the *runtime.Array[T] for at.
func fromNpy(at arrayType, n *runtime.NpyArray) (any, error) {
	switch at.dtype {
	case "|b1":
		return runtime.ArrayFromNpy[bool](n)
	case "|i1":
		return runtime.ArrayFromNpy[int8](n)
	case "<i2":
		return runtime.ArrayFromNpy[int16](n)
	case "<i4":
		return runtime.ArrayFromNpy[int32](n)
	case "<i8":
		return runtime.ArrayFromNpy[int64](n)
	case "|u1":
		return runtime.ArrayFromNpy[uint8](n)
	case "<u2":
		return runtime.ArrayFromNpy[uint16](n)
	case "<u4":
		return runtime.ArrayFromNpy[uint32](n)
	case "<u8":
		return runtime.ArrayFromNpy[uint64](n)
	case "<f4":
		return runtime.ArrayFromNpy[float32](n)
	case "<f8":
		return runtime.ArrayFromNpy[float64](n)
	case "<c8":
		return runtime.ArrayFromNpy[complex64](n)
	case "<c16":
		return runtime.ArrayFromNpy[complex128](n)
	}
	return nil, fmt.Errorf("unsupported array type %s", at.spelling)
}
