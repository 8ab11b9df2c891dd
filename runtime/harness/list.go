package harness

import (
	"fmt"
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

// reprList is repr(list).
func reprList[T any](l []T) string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = Repr(e)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
