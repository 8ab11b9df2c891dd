package typeinfer

// Iteration in its general form.
//
// `for i in range(n)` and loops over arrays, enumerate(array) and
// zip(arrays) with plain names as targets keep their own forms (Calls and
// Loops), which the loop passes know. Every other iterable a for loop
// (or a comprehension, once lifted into one; frontend/desugar.go) may
// take is typed here and described in Info.Iters: range in every form,
// reversed() of a range, an array or a tuple, enumerate() with a start,
// zip() of any iterables, tuples (their elements must have one type: the
// loop variable has one), and these nested in each other, with targets
// that unpack the element as deeply as it nests
// (`for i, (a, b) in enumerate(zip(x, y))`).

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
)

// IterKind says what an iterable of Info.Iters is.
type IterKind uint8

const (
	IterRange     IterKind = iota + 1 // range() or prange(): Args are its 1-3 int arguments
	IterArray                         // an array, along its first axis: Args[0]
	IterTuple                         // a tuple value: Args[0]
	IterEnumerate                     // enumerate(Args[0], start=Start): (int, element) pairs
	IterZip                           // zip(Args...): tuples of their elements, as many as the shortest has
	IterReversed                      // reversed(Args[0]) of a range, array, tuple or list
	IterList                          // a list: Args[0]
)

// IterInfo is a resolved iterable. Elem is the type of its elements: an
// int for a range, an element or a row view for an array, the join of the
// element types for a tuple, a tuple for enumerate and zip.
type IterInfo struct {
	Kind  IterKind
	Args  []ast.Expr
	Start ast.Expr // IterEnumerate: the start value, nil for 0
	Elem  ir.Type
}

// simpleLoop reports whether the for loop has one of the forms Loops and
// the range path describe: range() with a name target, or an array,
// enumerate(array) or zip(arrays) with names.
func (c *checker) simpleLoop(s *ast.For) bool {
	_, nameTarget := s.Target.(*ast.Name)
	names := func(n int) bool {
		t, ok := s.Target.(*ast.Tuple)
		if !ok || len(t.Elts) != n {
			return false
		}
		for _, x := range t.Elts {
			if _, ok := x.(*ast.Name); !ok {
				return false
			}
		}
		return true
	}
	isArray := func(e ast.Expr) bool {
		if call, ok := e.(*ast.Call); ok && c.iterBuiltin(call) != "" {
			return false // range(), zip(), ... are not values
		}
		_, isA := isArr(c.expr(e))
		return isA
	}
	call, isCall := s.Iter.(*ast.Call)
	if isCall {
		switch c.iterBuiltin(call) {
		case "range":
			return nameTarget
		case "enumerate":
			return len(call.Args) == 1 && len(call.Keywords) == 0 && names(2) && isArray(call.Args[0])
		case "zip":
			if len(call.Keywords) > 0 || len(call.Args) == 0 || !names(len(call.Args)) {
				return false
			}
			for _, a := range call.Args {
				if !isArray(a) {
					return false
				}
			}
			return true
		case "reversed":
			return false
		}
	}
	if _, isTup := s.Iter.(*ast.Tuple); isTup {
		return false
	}
	return nameTarget && isArray(s.Iter)
}

// iterBuiltin returns the name of the iteration builtin e calls (range,
// also numba's prange; enumerate, zip, reversed), "" for anything else.
func (c *checker) iterBuiltin(e *ast.Call) string {
	if c.isRangeCall(e) {
		return "range"
	}
	f, ok := e.Func.(*ast.Name)
	if !ok || c.shadowed(string(f.Id)) {
		return ""
	}
	switch f.Id {
	case "enumerate", "zip", "reversed":
		return string(f.Id)
	}
	return ""
}

// generalLoop checks a for loop of the general form.
func (c *checker) generalLoop(s *ast.For) {
	et := c.iter(s.Iter)
	if et == nil {
		c.markTargets(s.Target)
	} else {
		c.assign(s.Target, et, s.Iter)
	}
	c.fs.loopDepth++
	n := len(c.fs.iterating)
	c.fs.iterating = append(c.fs.iterating, iteratedNames(s.Iter)...) // list.go
	c.loopForget(s.Body)
	c.stmts(s.Body)
	c.loopForget(s.Body)
	c.fs.iterating = c.fs.iterating[:n]
	c.fs.loopDepth--
	c.stmts(s.Orelse)
}

// iter types an iterable and returns its element type (nil after an
// error), recording it in Info.Iters.
func (c *checker) iter(e ast.Expr) ir.Type {
	info := &IterInfo{}
	if call, ok := e.(*ast.Call); ok {
		if name := c.iterBuiltin(call); name != "" {
			if !c.iterCall(call, name, info) {
				return nil
			}
			if c.final {
				c.info.Iters[e] = info
			}
			return info.Elem
		}
	}
	t := c.expr(e)
	switch t := t.(type) {
	case nil:
		return nil
	case *ir.Array:
		info.Kind, info.Args = IterArray, []ast.Expr{e}
		info.Elem = t.Elem
		if t.Rank > 1 {
			info.Elem = &ir.Array{Elem: t.Elem, Rank: t.Rank - 1, Contig: t.Contig}
		}
	case *ir.List:
		if t.Elem == nil {
			c.errorf(e, "unsupported: iterating over a list whose element type is not known (append to it first)")
			return nil
		}
		info.Kind, info.Args, info.Elem = IterList, []ast.Expr{e}, t.Elem
	case *ir.Tuple:
		info.Kind, info.Args = IterTuple, []ast.Expr{e}
		var et ir.Type
		for _, x := range t.Elems {
			j, ok := join(et, x)
			if !ok {
				c.errorf(e, "unsupported: iterating over a tuple of %s and %s (a loop variable has one type); make the elements alike", typeString(et), typeString(x))
				return nil
			}
			et = j
		}
		info.Elem = et
	default:
		c.errorf(e, "'%s' object is not iterable", pyName(t))
		return nil
	}
	if c.final {
		c.info.Iters[e] = info
	}
	return info.Elem
}

// iterCall types range(), enumerate(), zip() and reversed() as
// iterables.
func (c *checker) iterCall(e *ast.Call, name string, info *IterInfo) bool {
	if f, ok := e.Func.(*ast.Name); ok && name != "range" {
		c.use(f, &Builtin{Name: name})
	}
	switch name {
	case "range":
		info.Kind, info.Args, info.Elem = IterRange, e.Args, ir.Int64
		c.rangeCall(e)
		return len(e.Args) >= 1 && len(e.Args) <= 3 && len(e.Keywords) == 0
	case "enumerate":
		var start ast.Expr
		switch {
		case len(e.Args) == 2 && len(e.Keywords) == 0:
			start = e.Args[1]
		case len(e.Args) == 1 && len(e.Keywords) == 1 && e.Keywords[0].Arg == "start":
			start = e.Keywords[0].Value
		case len(e.Args) == 1 && len(e.Keywords) == 0:
		default:
			c.args(e)
			c.errorf(e, "enumerate() takes an iterable and an optional start")
			return false
		}
		et := c.iter(e.Args[0])
		if start != nil {
			if st := c.expr(start); st != nil {
				if s, ok := st.(ir.Scalar); !ok || class(s) > 1 {
					c.errorf(start, "'%s' object cannot be interpreted as an integer", pyName(st))
					return false
				}
			}
		}
		if et == nil {
			return false
		}
		info.Kind, info.Args, info.Start = IterEnumerate, e.Args[:1], start
		info.Elem = &ir.Tuple{Elems: []ir.Type{ir.Int64, et}}
	case "zip":
		if len(e.Keywords) > 0 {
			c.args(e)
			c.errorf(e, "unsupported: zip() keyword arguments (strict=); pass iterables of one length")
			return false
		}
		var elems []ir.Type
		ok := true
		for _, a := range e.Args {
			et := c.iter(a)
			if et == nil {
				ok = false
			}
			elems = append(elems, et)
		}
		if !ok {
			return false
		}
		if len(elems) == 0 {
			c.errorf(e, "unsupported: zip() of nothing (it is empty)")
			return false
		}
		info.Kind, info.Args, info.Elem = IterZip, e.Args, &ir.Tuple{Elems: elems}
	case "reversed":
		if len(e.Args) != 1 || len(e.Keywords) > 0 {
			c.args(e)
			c.errorf(e, "reversed() takes exactly one argument")
			return false
		}
		et := c.iter(e.Args[0])
		if et == nil {
			return false
		}
		if in := c.iterOf(e.Args[0]); in != IterRange && in != IterArray && in != IterTuple && in != IterList {
			c.errorf(e.Args[0], "'%s' object is not reversible", map[IterKind]string{IterEnumerate: "enumerate", IterZip: "zip", IterReversed: "list_reverseiterator"}[in])
			return false
		}
		info.Kind, info.Args, info.Elem = IterReversed, e.Args, et
	}
	c.setCall(e, &CallInfo{Kind: CallBuiltin, Name: name, Args: e.Args, ArgOrder: seq(len(e.Args))})
	return true
}

// iterOf returns the kind of an iterable, without checking it again.
func (c *checker) iterOf(e ast.Expr) IterKind {
	if call, ok := e.(*ast.Call); ok {
		switch c.iterBuiltin(call) {
		case "range":
			return IterRange
		case "enumerate":
			return IterEnumerate
		case "zip":
			return IterZip
		case "reversed":
			return IterReversed
		}
	}
	switch c.info.Types[e].(type) {
	case *ir.Tuple:
		return IterTuple
	case *ir.List:
		return IterList
	}
	return IterArray
}
