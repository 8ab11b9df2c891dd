package typeinfer

// Lists.
//
// A list holds elements of one type (ir.List): numbers of one kind,
// arrays of one dtype and rank, or tuples of those. Python lists may mix
// types, and their repr shows each element's own ([1, 2.5] is not [1.0,
// 2.5]), so where Python would keep an int beside a float the program is
// rejected with a hint, rather than widened as scalar variables are. An
// empty list literal has no element type yet (List{nil}); the first
// append or assignment gives it one. Since a list is shared by reference,
// appending to a variable's list widens the variable's type, as an
// assignment would.
//
// Operations: literals, + and * (concatenation, repetition), indexing
// (IndexError at run time) and slicing (a copy), `in` / `not in` (also of
// tuples and ranges), len, iteration, the methods append, extend, pop,
// insert, sort (reverse=, key=), reverse, index, count, copy and clear,
// list(iterable), sorted(iterable, reverse=, key=) and np.array(list).
// List comprehensions and generators consumed by list() or sorted() come
// here lifted into functions that append (frontend/desugar.go).

import (
	"fmt"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
)

// listMethods are the list methods supported.
var listMethods = map[string]bool{
	"append": true, "extend": true, "pop": true, "insert": true, "sort": true, "reverse": true,
	"index": true, "count": true, "copy": true, "clear": true,
}

// joinElem unifies two list element types strictly: Python keeps each
// element's own type, so ints and floats do not mix (nil, not known yet,
// is the identity).
func joinElem(a, b ir.Type) (ir.Type, bool) {
	if a == nil {
		return b, true
	}
	if b == nil {
		return a, true
	}
	switch x := a.(type) {
	case ir.Scalar:
		y, ok := b.(ir.Scalar)
		return a, ok && x == y
	case *ir.Array:
		y, ok := b.(*ir.Array)
		if !ok || x.Elem != y.Elem || x.Rank != y.Rank {
			return nil, false
		}
		return &ir.Array{Elem: x.Elem, Rank: x.Rank, Contig: x.Contig && y.Contig}, true
	case *ir.Tuple:
		y, ok := b.(*ir.Tuple)
		if !ok || len(x.Elems) != len(y.Elems) {
			return nil, false
		}
		out := &ir.Tuple{}
		for i := range x.Elems {
			e, ok := joinElem(x.Elems[i], y.Elems[i])
			if !ok {
				return nil, false
			}
			out.Elems = append(out.Elems, e)
		}
		return out, true
	}
	return nil, false
}

// elemOK reports whether t may be a list element: a number (lower holds
// lists of numbers only, so far).
func elemOK(t ir.Type) bool {
	_, ok := t.(ir.Scalar)
	return ok
}

// elemMsg is the error for a list of t, saying what to write instead.
func elemMsg(t ir.Type) string {
	switch t.(type) {
	case *ir.List:
		return "unsupported: a list of lists (nested or ragged lists); use a 2-d array (np.zeros((rows, cols)), or np.array of a nested list literal) or one flat list indexed i * cols + j"
	case *ir.Array:
		return "unsupported: a list of arrays; use one array with one more dimension (np.zeros((k, n)), filled row by row)"
	case *ir.Tuple:
		return "unsupported: a list of tuples; keep one list per tuple element (xs.append(x); ys.append(y))"
	}
	return fmt.Sprintf("unsupported: a list of %s; lists hold numbers (int, float, bool, complex)", typeString(t))
}

// mixMsg explains why two element types do not go into one list.
func mixMsg(a, b ir.Type) string {
	as, aok := a.(ir.Scalar)
	bs, bok := b.(ir.Scalar)
	if aok && bok && isPy(as) && isPy(bs) {
		hint := ""
		if max(class(as), class(bs)) == 2 {
			hint = "; write the ints as floats (1.0)"
		}
		return fmt.Sprintf("a list of %s and %s elements (Python keeps each element's type, pyc2go one type per list)%s", pyName(as), pyName(bs), hint)
	}
	return fmt.Sprintf("a list of %s and %s elements (a list holds elements of one type)", typeString(a), typeString(b))
}

// listLit types a list literal outside np.array.
func (c *checker) listLit(e *ast.List) ir.Type {
	var et ir.Type
	ok := true
	for _, x := range e.Elts {
		t := c.expr(x)
		if t == nil {
			ok = false
			continue
		}
		if !elemOK(t) {
			if ok {
				c.errorf(x, "%s", elemMsg(t))
			}
			ok = false
			continue
		}
		j, jok := joinElem(et, t)
		if !jok {
			c.errorf(x, "unsupported: %s", mixMsg(et, t))
			ok = false
			continue
		}
		et = j
	}
	if !ok {
		return nil
	}
	return &ir.List{Elem: et}
}

// listBinary types + and * with a list operand.
func (c *checker) listBinary(node ast.Ast, op string, l, r ir.Type) ir.Type {
	ll, lok := l.(*ir.List)
	rl, rok := r.(*ir.List)
	switch {
	case op == "+" && lok && rok:
		et, ok := joinElem(ll.Elem, rl.Elem)
		if !ok {
			c.errorf(node, "unsupported: %s", mixMsg(ll.Elem, rl.Elem))
			return nil
		}
		return &ir.List{Elem: et}
	case op == "*" && (lok && isIntType(r) || rok && isIntType(l)):
		if lok {
			return ll
		}
		return rl
	}
	c.errorf(node, "unsupported operand type(s) for %s: '%s' and '%s'", op, pyName(l), pyName(r))
	return nil
}

func isIntType(t ir.Type) bool {
	s, ok := t.(ir.Scalar)
	return ok && class(s) <= 1
}

// listSubscript types l[i] (an element) and l[a:b:c] (a new list).
func (c *checker) listSubscript(e *ast.Subscript, lt *ir.List) ir.Type {
	switch sl := e.Slice.(type) {
	case *ast.Index:
		it := c.expr(sl.Value)
		if it != nil && !isIntType(it) {
			c.errorf(sl.Value, "list indices must be integers or slices, not %s", pyName(it))
			return nil
		}
		if lt.Elem == nil {
			c.errorf(e, "unsupported: an element of a list whose element type is not known yet (append to it first)")
		}
		return lt.Elem
	case *ast.Slice:
		for _, x := range []ast.Expr{sl.Lower, sl.Upper, sl.Step} {
			if x == nil {
				continue
			}
			if t := c.expr(x); t != nil && !isIntType(t) {
				c.errorf(x, "slice indices must be integers or None or have an __index__ method")
				return nil
			}
		}
		return lt
	}
	c.errorf(e, "unsupported: a multi-dimensional subscript of a list")
	return nil
}

// pyList spells a list type the way messages spell types.
func pyList(t *ir.List) string {
	if t.Elem == nil {
		return "list"
	}
	return "list[" + typeString(t.Elem) + "]"
}

// growList widens the list variable behind recv (a name) to elements of
// type et, as appending et does, reporting mixed types; ok is false after
// an error.
func (c *checker) growList(recv ast.Expr, lt *ir.List, et ir.Type, at ast.Ast) bool {
	if et == nil {
		return false
	}
	if !elemOK(et) {
		c.errorf(at, "%s", elemMsg(et))
		return false
	}
	j, ok := joinElem(lt.Elem, et)
	if !ok {
		c.errorf(at, "unsupported: %s", mixMsg(lt.Elem, et))
		return false
	}
	if lt.Elem != nil && sameType(j, lt.Elem) {
		return true
	}
	n, isName := recv.(*ast.Name)
	if !isName || !c.isLocal(string(n.Id)) {
		if lt.Elem == nil {
			c.errorf(recv, "unsupported: appending to a list that is not a variable; give it a name first")
			return false
		}
		return true
	}
	l := c.fs.fn.Scope[string(n.Id)]
	c.define(l, &ir.List{Elem: j}, n, recv)
	return true
}

// listMethod types a call of a list method on recv.
func (c *checker) listMethod(e *ast.Call, recv ast.Expr, lt *ir.List, name string, stmt bool) ir.Type {
	pt, kt := c.args(e)
	nargs := len(e.Args) + len(e.Keywords)
	want := func(lo, hi int) bool {
		if nargs < lo || nargs > hi || len(e.Keywords) > 0 && name != "sort" {
			if lo == hi {
				c.errorf(e, "list.%s() takes exactly %s (%d given)", name, plural(lo, "argument"), nargs)
			} else {
				c.errorf(e, "list.%s() takes from %d to %d arguments (%d given)", name, lo, hi, nargs)
			}
			return false
		}
		return true
	}
	ci := &CallInfo{Kind: CallMethod, Name: name, Recv: recv, Args: e.Args, Kwargs: map[string]ast.Expr{}, ArgOrder: seq(len(e.Args))}
	if !c.paramLengthOK(e, recv, name) || !c.iterLengthOK(e, recv, name) {
		return nil
	}
	var res ir.Type = ir.None
	switch name {
	case "append":
		if !want(1, 1) || !c.growList(recv, lt, pt[0], e.Args[0]) {
			return nil
		}
	case "extend":
		if !want(1, 1) {
			return nil
		}
		switch t := pt[0].(type) {
		case *ir.List:
			if !c.growList(recv, lt, t.Elem, e.Args[0]) && t.Elem != nil {
				return nil
			}
		case *ir.Tuple:
			et := ir.Type(nil)
			for _, x := range t.Elems {
				j, ok := joinElem(et, x)
				if !ok {
					c.errorf(e.Args[0], "unsupported: %s", mixMsg(et, x))
					return nil
				}
				et = j
			}
			if !c.growList(recv, lt, et, e.Args[0]) {
				return nil
			}
		case nil:
			return nil
		default:
			c.errorf(e.Args[0], "unsupported: extend() with a %s; pass a list or a tuple", pyName(t))
			return nil
		}
	case "insert":
		if !want(2, 2) {
			return nil
		}
		if pt[0] != nil && !isIntType(pt[0]) {
			c.errorf(e.Args[0], "'%s' object cannot be interpreted as an integer", pyName(pt[0]))
			return nil
		}
		if !c.growList(recv, lt, pt[1], e.Args[1]) {
			return nil
		}
	case "pop":
		if !want(0, 1) {
			return nil
		}
		if len(pt) == 1 && pt[0] != nil && !isIntType(pt[0]) {
			c.errorf(e.Args[0], "'%s' object cannot be interpreted as an integer", pyName(pt[0]))
			return nil
		}
		if lt.Elem == nil {
			if c.final {
				c.errorf(e, "unsupported: pop() from a list whose element type is never known (append to it, or annotate it: xs: list[float] = [])")
			}
			return nil
		}
		res = lt.Elem
	case "index", "count":
		if !want(1, 1) {
			return nil
		}
		res = ir.Int64
	case "copy":
		if !want(0, 0) {
			return nil
		}
		res = lt
	case "clear", "reverse":
		if !want(0, 0) {
			return nil
		}
	case "sort":
		if len(e.Args) > 0 {
			c.errorf(e, "sort() takes no positional arguments")
			return nil
		}
		for i, k := range e.Keywords {
			switch k.Arg {
			case "reverse":
				if kt[i] != nil && !ir.IsScalar(kt[i]) {
					c.errorf(k.Value, "unsupported: reverse= of type %s", pyName(kt[i]))
					return nil
				}
				ci.Kwargs["reverse"] = k.Value
			case "key":
				c.errorf(k.Value, "unsupported: %s with key= (lists of numbers sort by value); sort the keys themselves, sorted([f(v) for v in xs]), or keep the keys in a list of their own", "sort()")
				return nil
			default:
				c.errorf(k.Value, "sort() got an unexpected keyword argument '%s'", k.Arg)
				return nil
			}
		}
		if msg := orderable(lt.Elem); msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
	}
	c.setCall(e, ci)
	if _, none := res.(ir.NoneType); none && !stmt {
		c.errorf(e, "list.%s() returns None; its value cannot be used", name)
		return nil
	}
	return res
}

// orderable is "" when values of t can be sorted, else why not.
func orderable(t ir.Type) string {
	switch t := t.(type) {
	case nil:
		return ""
	case ir.Scalar:
		if t.IsComplex() {
			return "'<' not supported between instances of 'complex' and 'complex'"
		}
		return ""
	case *ir.Tuple:
		for _, e := range t.Elems {
			if msg := orderable(e); msg != "" {
				return msg
			}
		}
		return ""
	}
	return fmt.Sprintf("'<' not supported between instances of '%s' and '%s' (sort numbers or tuples of numbers)", pyName(t), pyName(t))
}

// contains types `x in seq` / `x not in seq` of a list, a tuple, a range
// or an array (the seq's Types entry says which).
func (c *checker) contains(e *ast.Compare, x ast.Expr, xt ir.Type, seq ast.Expr) ir.Type {
	if call, ok := seq.(*ast.Call); ok && c.iterBuiltin(call) == "range" {
		c.iter(call)
		if xt != nil && !ir.IsScalar(xt) {
			c.errorf(x, "unsupported: `in` of a %s and a range", pyName(xt))
		}
		return ir.Bool
	}
	st := c.expr(seq)
	var et ir.Type
	switch t := st.(type) {
	case nil:
		return ir.Bool
	case *ir.List:
		et = t.Elem
	case *ir.Tuple:
		for _, x := range t.Elems {
			j, ok := join(et, x)
			if !ok {
				c.errorf(seq, "unsupported: `in` of a tuple of %s (its elements must have one type)", typeString(t))
				return nil
			}
			et = j
		}
	case *ir.Array:
		if t.Rank != 1 {
			c.errorf(seq, "unsupported: `in` of an array of rank %d", t.Rank)
			return nil
		}
		et = t.Elem
	default:
		c.errorf(seq, "argument of type '%s' is not iterable", pyName(st))
		return nil
	}
	if xt == nil || et == nil {
		return ir.Bool
	}
	if _, ok := join(xt, et); !ok {
		c.errorf(e, "unsupported: `in` of a %s and a sequence of %s", typeString(xt), typeString(et))
		return nil
	}
	return ir.Bool
}

// listCall types list(iterable) and sorted(iterable, key=, reverse=): a
// new list of the iterable's elements (Info.Iters has the iterable),
// sorted for sorted(). The sort's key function, if any, is CallInfo.Func
// with its value CallInfo.Closure, as for list.sort.
func (c *checker) listCall(e *ast.Call, cl callee) ir.Type {
	slots, ok := c.bindArgs(e, cl.name, builtinSigs[cl.name])
	if !ok {
		c.args(e)
		return nil
	}
	src := written(e, slots[0])
	et := c.iter(src)
	if et == nil {
		return nil
	}
	ci := &CallInfo{Kind: CallBuiltin, Name: cl.name, Args: []ast.Expr{src}, ArgOrder: []int{0}, Kwargs: map[string]ast.Expr{}}
	if cl.name == "sorted" {
		if len(slots) > 2 && slots[2] >= 0 {
			r := written(e, slots[2])
			if t := c.expr(r); t != nil && !ir.IsScalar(t) {
				c.errorf(r, "unsupported: reverse= of type %s", pyName(t))
				return nil
			}
			ci.Kwargs["reverse"] = r
		}
		if len(slots) > 1 && slots[1] >= 0 {
			key := written(e, slots[1])
			c.errorf(key, "unsupported: %s with key= (lists of numbers sort by value); sort the keys themselves, sorted([f(v) for v in xs]), or keep the keys in a list of their own", "sorted()")
			return nil
		}
		if msg := orderable(et); msg != "" {
			c.errorf(e, "%s", msg)
			return nil
		}
	}
	if !elemOK(et) {
		c.errorf(src, "%s", elemMsg(et))
		return nil
	}
	c.setCall(e, ci)
	return &ir.List{Elem: et}
}

// isListExpr reports whether e has a list type (typing it again).
func (c *checker) isListExpr(e ast.Expr) bool {
	_, ok := c.expr(e).(*ir.List)
	return ok
}

// listStore types l[i] = v.
func (c *checker) listStore(t *ast.Subscript, lt *ir.List, vt ir.Type, value ast.Expr) {
	idx, ok := t.Slice.(*ast.Index)
	if !ok {
		c.errorf(t, "unsupported: assigning to a slice of a list; assign the elements one by one")
		return
	}
	if it := c.expr(idx.Value); it != nil && !isIntType(it) {
		c.errorf(idx.Value, "list indices must be integers or slices, not %s", pyName(it))
		return
	}
	if vt == nil {
		return
	}
	if c.growList(t.Value, lt, vt, value) {
		c.record(t, vt)
	}
}

// lengthMethods are the list methods that change a list's length.
var lengthMethods = map[string]bool{"append": true, "extend": true, "insert": true, "pop": true, "clear": true}

// paramLengthOK reports an error when a method changing a list's length
// is called on a list parameter the function never rebinds: a compiled
// function receives its list arguments by value (a Go slice, a C pointer
// and length), so the caller would not see the change Python shows it.
func (c *checker) paramLengthOK(e *ast.Call, recv ast.Expr, name string) bool {
	n, ok := recv.(*ast.Name)
	if !ok || !lengthMethods[name] || c.fs == nil {
		return true
	}
	loc := c.fs.fn.Scope[string(n.Id)]
	if loc == nil || !loc.Param || assignedNames(c.fs.fn.Def.Body)[string(n.Id)] { // none.go
		return true
	}
	c.errorf(e, "unsupported: %s.%s() changes the length of the list parameter '%s', which the caller would not see (compiled functions get a list argument's elements, not the list); work on a copy, %s = list(%s), and return it", n.Id, name, n.Id, n.Id, n.Id)
	return false
}

// iterLengthOK reports an error when a method changing a list's length
// is called on a list a for loop is iterating over: CPython's loop sees
// the change (a longer or shorter walk), the compiled loop walks the list
// it started with.
func (c *checker) iterLengthOK(e *ast.Call, recv ast.Expr, name string) bool {
	n, ok := recv.(*ast.Name)
	if !ok || !lengthMethods[name] || c.fs == nil {
		return true
	}
	for _, it := range c.fs.iterating {
		if it == string(n.Id) {
			c.errorf(e, "unsupported: %s.%s() while a for loop iterates over %s (Python's loop would see the change); iterate over a copy: for x in list(%s)", n.Id, name, n.Id, n.Id)
			return false
		}
	}
	return true
}

// iteratedNames are the variables a for loop's iterable walks: xs in
// xs, enumerate(xs), reversed(xs) and zip(xs, ys).
func iteratedNames(e ast.Expr) []string {
	switch e := e.(type) {
	case *ast.Name:
		return []string{string(e.Id)}
	case *ast.Call:
		if f, ok := e.Func.(*ast.Name); ok && (f.Id == "enumerate" || f.Id == "reversed" || f.Id == "zip") {
			var out []string
			for _, a := range e.Args {
				out = append(out, iteratedNames(a)...)
			}
			return out
		}
	}
	return nil
}
