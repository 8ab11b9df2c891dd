package emitc

import (
	"fmt"
	"strings"

	"github.com/pyc2go/pyc2go/ir"
)

// Lists (ir/list.go): a list of T is a pyc2go_list_T held by value (data,
// len, cap, owner); its blocks come from the function's pool and grow
// into new ones (PYC2GO_LIST_RESERVE), so a copy a loop iterates over
// stays valid. list_len(xs) is xs.len, list_get(xs, i) xs.data[i] (lower
// checked i). A list result leaves the pool as an array result does.

// ListType is the C struct of a list of elem.
func ListType(elem ir.Scalar) string { return "pyc2go_list_" + elem.String() }

func listElem(t ir.Type) (ir.Scalar, error) {
	l, ok := t.(*ir.List)
	if !ok {
		return ir.Invalid, fmt.Errorf("want a list, got %s", t)
	}
	s, ok := l.Elem.(ir.Scalar)
	if !ok || s == ir.Invalid || s.Bits() == 0 {
		return ir.Invalid, fmt.Errorf("invalid list type %s", t)
	}
	return s, nil
}

// isListIntrinsic reports whether name is a list read.
func isListIntrinsic(name string) bool { return name == "list_len" || name == "list_get" }

// listIntrinsic emits list_len and list_get.
func (e *funcEmitter) listIntrinsic(x *ir.Intrinsic) (cx, error) {
	l, err := e.expr(x.Args[0])
	if err != nil {
		return cx{}, err
	}
	if x.Name == "list_len" {
		return prim(l.paren() + ".len"), nil
	}
	i, err := e.expr(x.Args[1])
	if err != nil {
		return cx{}, err
	}
	return prim(l.paren() + ".data[" + i.code + "]"), nil
}

// listCall emits a list library call.
func (e *funcEmitter) listCall(s *ir.CallStmt, depth int) ([]string, error) {
	t := ind(depth)
	op := strings.TrimPrefix(s.Call.Fn.Lib.Name, "list.")
	args := make([]string, len(s.Call.Args))
	for i, a := range s.Call.Args {
		g, err := e.expr(a)
		if err != nil {
			return nil, err
		}
		args[i] = g.code
	}
	dst := func(i int) (string, error) {
		if i >= len(s.Dsts) {
			return "", fmt.Errorf("list.%s: want %d destinations, got %d", op, i+1, len(s.Dsts))
		}
		if s.Dsts[i] == nil {
			return e.temp(s.Call.Fn.Params[0].Type) // a result nothing reads
		}
		return e.dst(s.Dsts[i])
	}
	e.usesPool = true
	oom := func(cond string) []string {
		e.usesFail = true
		return []string{t + "if (!" + cond + ") {", e.memoryError(e.f, depth+1), t + "\tgoto " + e.fail + ";", t + "}"}
	}
	reserve := func(l, need string) []string {
		return oom("PYC2GO_LIST_RESERVE(&" + e.pool + ", " + l + ", " + need + ")")
	}
	if op == "new" {
		d, err := dst(0)
		if err != nil {
			return nil, err
		}
		es, err := listElem(s.Dsts[0].Type)
		if err != nil {
			return nil, err
		}
		return []string{t + d + " = (" + ListType(es) + "){0};"}, nil
	}
	if op == "copy" {
		d, err := dst(0)
		if err != nil {
			return nil, err
		}
		es, err := listElem(s.Call.Args[0].Type())
		if err != nil {
			return nil, err
		}
		src, err := e.temp(s.Call.Args[0].Type())
		if err != nil {
			return nil, err
		}
		out := []string{t + src + " = " + args[0] + ";", t + d + " = (" + ListType(es) + "){0};"}
		out = append(out, reserve(d, src+".len")...)
		return append(out, t+"if ("+src+".len > 0)", t+"\tmemcpy("+d+".data, "+src+".data, (size_t)"+src+".len * sizeof *"+d+".data);",
			t+d+".len = "+src+".len;"), nil
	}
	// The rest change the list Args[0] into Dsts[0].
	d, err := dst(0)
	if err != nil {
		return nil, err
	}
	var out []string
	if d != args[0] {
		out = append(out, t+d+" = "+args[0]+";")
	}
	es, err := listElem(s.Call.Args[0].Type())
	if err != nil {
		return nil, err
	}
	switch op {
	case "append":
		x, err := e.temp(es)
		if err != nil {
			return nil, err
		}
		out = append(out, t+x+" = "+args[1]+";")
		out = append(out, reserve(d, d+".len + 1")...)
		out = append(out, t+d+".data["+d+".len++] = "+x+";")
	case "extend":
		m, err := e.temp(s.Call.Args[1].Type())
		if err != nil {
			return nil, err
		}
		out = append(out, t+m+" = "+args[1]+";")
		out = append(out, reserve(d, d+".len + "+m+".len")...)
		// m may be the list itself: its elements are still at m.data
		// (a grown list leaves its old block in the pool).
		out = append(out, t+"if ("+m+".len > 0)", t+"\tmemmove("+d+".data + "+d+".len, "+m+".data, (size_t)"+m+".len * sizeof *"+d+".data);",
			t+d+".len += "+m+".len;")
	case "set":
		out = append(out, t+d+".data["+args[1]+"] = "+args[2]+";")
	case "insert":
		x, err := e.temp(es)
		if err != nil {
			return nil, err
		}
		i, err := e.temp(ir.Int64)
		if err != nil {
			return nil, err
		}
		out = append(out, t+i+" = "+args[1]+";", t+x+" = "+args[2]+";")
		out = append(out, reserve(d, d+".len + 1")...)
		out = append(out, t+"memmove("+d+".data + "+i+" + 1, "+d+".data + "+i+", (size_t)("+d+".len - "+i+") * sizeof *"+d+".data);",
			t+d+".data["+i+"] = "+x+";", t+d+".len++;")
	case "pop":
		i, err := e.temp(ir.Int64)
		if err != nil {
			return nil, err
		}
		out = append(out, t+i+" = "+args[1]+";")
		if len(s.Dsts) > 1 && s.Dsts[1] != nil {
			r, err := e.dst(s.Dsts[1])
			if err != nil {
				return nil, err
			}
			out = append(out, t+r+" = "+d+".data["+i+"];")
		}
		out = append(out, t+"memmove("+d+".data + "+i+", "+d+".data + "+i+" + 1, (size_t)("+d+".len - "+i+" - 1) * sizeof *"+d+".data);",
			t+d+".len--;")
	case "clear":
		// A new empty list: a copy being iterated keeps its elements.
		out = append(out, t+d+" = ("+ListType(es)+"){0};")
	case "reverse":
		out = append(out, t+"pyc2go_list_reverse("+d+".data, "+d+".len, sizeof *"+d+".data);")
	case "sort":
		if es.IsComplex() {
			return nil, fmt.Errorf("list.sort of complex numbers")
		}
		out = append(out, oom("(pyc2go_list_sort_"+es.String()+"("+d+".data, "+d+".len, "+args[1]+") == 0)")...)
	default:
		return nil, fmt.Errorf("unknown list operation %s", op)
	}
	return out, nil
}
