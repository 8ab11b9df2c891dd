package harness

import (
	"fmt"
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

// loadArray reads the .npy file at path as the *runtime.Array[T] for at.
// The dtype and rank must match exactly: compiled kernels are specialised
// to them and numpy would not silently convert a caller's array either.
func loadArray(at arrayType, path string) (any, error) {
	n, err := runtime.ReadNpyFile(path)
	if err != nil {
		return nil, fmt.Errorf("expected %s, cannot read %s: %v", at.spelling, path, err)
	}
	if n.Dtype != at.dtype || len(n.Shape) != at.rank {
		return nil, fmt.Errorf("expected %s (rank %d), got %s array of rank %d from %s",
			at.spelling, at.rank, runtime.DtypeName(n.Dtype), len(n.Shape), path)
	}
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
