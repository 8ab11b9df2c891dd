package emitgo

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pyc2go/pyc2go/ir"
)

// Lists (ir/list.go): a list of T is a Go []T held by value; the list
// library calls are append and the runtime's List functions, assigning
// the list variable back:
//
//	xs = append(xs, x)
//	xs, t1 = runtime.ListPop(xs, i)
//
// and the reads index the slice: list_len(xs) is int64(len(xs)),
// list_get(xs, i) is xs[i] (lower checked i).

// listType is the Go type of a list type.
func listType(t *ir.List) (*jen.Statement, error) {
	s, ok := t.Elem.(ir.Scalar)
	if !ok || s == ir.Invalid || s.Bits() == 0 {
		return nil, fmt.Errorf("invalid list type %s", t)
	}
	return jen.Index().Add(goType(s)), nil
}

// listLen and listGet are the list reads, as arrayIntrinsicFuncs.
func listLen(_ *funcEmitter, args []gx, _ []ir.Type, _ ir.Type) (gx, error) {
	return primary(jen.Int64().Call(jen.Len(args[0].code))), nil
}

func listGet(_ *funcEmitter, args []gx, _ []ir.Type, _ ir.Type) (gx, error) {
	return primary(args[0].operand(precPrimary, false).Index(args[1].code)), nil
}

// listCall emits a list library call.
func (e *funcEmitter) listCall(s *ir.CallStmt) ([]jen.Code, bool, error) {
	op := s.Call.Fn.Lib.Name[len("list."):]
	args := make([]jen.Code, len(s.Call.Args))
	for i, a := range s.Call.Args {
		g, err := e.valueExpr(a)
		if err != nil {
			return nil, false, err
		}
		args[i] = g.code
	}
	var lhs []jen.Code
	for _, d := range s.Dsts {
		if d == nil {
			lhs = append(lhs, jen.Id("_"))
			continue
		}
		c, err := e.dst(d)
		if err != nil {
			return nil, false, err
		}
		lhs = append(lhs, c)
	}
	rt := func(name string) *jen.Statement { return jen.Qual(runtimePkg, name) }
	var val *jen.Statement
	switch op {
	case "new":
		t, ok := s.Dsts[0].Type.(*ir.List)
		if !ok {
			return nil, false, fmt.Errorf("list.new into %s", s.Dsts[0].Type)
		}
		lt, err := listType(t)
		if err != nil {
			return nil, false, err
		}
		val = lt.Values()
	case "copy":
		val = rt("ListCopy").Call(args...)
	case "append":
		val = jen.Append(args...)
	case "extend":
		val = jen.Append(args[0], jen.Add(args[1]).Op("..."))
	case "set":
		return []jen.Code{jen.Add(args[0]).Index(args[1]).Op("=").Add(args[2])}, true, nil
	case "insert":
		val = rt("ListInsert").Call(args...)
	case "pop":
		val = rt("ListPop").Call(args...)
	case "clear":
		val = jen.Add(args[0]).Index(jen.Empty(), jen.Lit(0))
	case "reverse":
		val = rt("ListReverse").Call(args...)
	case "sort":
		name := "ListSort"
		if t, _ := s.Call.Args[0].Type().(*ir.List); t != nil && t.Elem == ir.Bool {
			name = "ListSortBool"
		}
		val = rt(name).Call(args...)
	default:
		return nil, false, fmt.Errorf("unknown list operation %s", op)
	}
	if len(lhs) == 0 || allDiscarded(lhs) {
		return []jen.Code{jen.Id("_").Op("=").Add(val)}, true, nil
	}
	return []jen.Code{jen.List(lhs...).Op("=").Add(val)}, true, nil
}

func allDiscarded(lhs []jen.Code) bool {
	for _, c := range lhs {
		if s, ok := c.(*jen.Statement); !ok || s.GoString() != "_" {
			return false
		}
	}
	return true
}
