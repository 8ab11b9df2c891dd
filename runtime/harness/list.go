package harness

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pyc2go/pyc2go/runtime"
)

// Lists: a parameter of type "list[float]" (int, bool, complex) is a
// Python list literal on the command line, "[1.0, 2.5]", converted
// element by element as ConvertArg converts scalars into the Go slice
// the compiled function takes ([]float64); a list result prints as
// CPython prints it.

// convertList parses text as a list literal for a parameter of type typ.
func convertList(typ, text string) (any, error) {
	elem := strings.TrimSuffix(strings.TrimPrefix(typ, "list["), "]")
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return nil, fmt.Errorf("expected %s, got %q", typ, text)
	}
	inner := strings.TrimSpace(t[1 : len(t)-1])
	var vals []any
	if inner != "" {
		v, err := runtime.ParseValue("(" + inner + ",)")
		if err != nil {
			return nil, err
		}
		vals, _ = v.([]any)
	}
	switch elem {
	case "int":
		return convertElems[int64](elem, vals)
	case "float":
		return convertElems[float64](elem, vals)
	case "bool":
		return convertElems[bool](elem, vals)
	case "complex":
		return convertElems[complex128](elem, vals)
	case "int8":
		return convertElems[int8](elem, vals)
	case "int16":
		return convertElems[int16](elem, vals)
	case "int32":
		return convertElems[int32](elem, vals)
	case "int64":
		return convertElems[int64](elem, vals)
	case "uint8":
		return convertElems[uint8](elem, vals)
	case "uint16":
		return convertElems[uint16](elem, vals)
	case "uint32":
		return convertElems[uint32](elem, vals)
	case "uint64":
		return convertElems[uint64](elem, vals)
	case "float32":
		return convertElems[float32](elem, vals)
	case "float64":
		return convertElems[float64](elem, vals)
	case "complex64":
		return convertElems[complex64](elem, vals)
	}
	return nil, fmt.Errorf("unsupported parameter type %s", typ)
}

func convertElems[T any](elem string, vals []any) ([]T, error) {
	out := make([]T, 0, len(vals))
	for _, v := range vals {
		c, err := ConvertArg(elem, v)
		if err != nil {
			return nil, err
		}
		out = append(out, c.(T))
	}
	return out, nil
}

// reprList is repr(list) of a list result (a Go slice of numbers); ok
// is false for other values.
func reprList(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.Type().Elem().Kind() == reflect.Interface {
		return "", false
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		parts[i] = Repr(rv.Index(i).Interface())
	}
	return "[" + strings.Join(parts, ", ") + "]", true
}
