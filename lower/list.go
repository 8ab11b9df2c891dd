package lower

// Lists (ir.List; ir/list.go says how the IR holds them).
//
// A list expression lowers to a list variable: a local's own, or a
// temporary a literal, a concatenation, a slice, list() or sorted() fill
// by library calls. Every change of a list is a library call that assigns
// the list's variable, after the checks Python makes (IndexError "list
// index out of range", "pop from empty list"); reads are the intrinsics
// list_len and list_get. A list assigned from another list variable is
// copied, so no two variables share a list (docs/language.md).

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// listType returns e's type when it is a list.
func (l *fnLowerer) listType(e ast.Expr) (*ir.List, bool) {
	if l.elem != nil {
		return nil, false
	}
	t, ok := l.info.Types[e].(*ir.List)
	return t, ok
}

// elemScalar is the element type of a list of scalars; other lists are
// reported as unsupported.
func (l *fnLowerer) elemScalar(at ast.Expr, t *ir.List) ir.Scalar {
	s, ok := t.Elem.(ir.Scalar)
	if !ok {
		if t.Elem == nil {
			l.errorf(at, "unsupported: a list whose element type is never known (append to it, or annotate it: xs: list[float] = [])")
		}
		l.errorf(at, "unsupported: a list of %s; lists hold ints, floats, bools or complex numbers (use an array, or one list per tuple element)", t.Elem)
	}
	return s
}

// listOp emits the list library call op (ir.ListOps) of args into dsts.
func (l *fnLowerer) listOp(op string, dsts []*ir.Var, pos ir.Pos, args ...ir.Expr) {
	var rts []ir.Type
	for _, d := range dsts {
		rts = append(rts, d.Type)
	}
	lib := &ir.Lib{Name: "list." + op, Exact: true}
	l.emit(&ir.CallStmt{Dsts: dsts, Call: &ir.Call{Fn: ir.LibFunc(lib, args, rts), Args: args}, Pos: pos})
}

// newList returns a fresh empty list temporary of type t.
func (l *fnLowerer) newList(t *ir.List, pos ir.Pos) *ir.Var {
	v := l.temp(t)
	l.listOp("new", []*ir.Var{v}, pos)
	return v
}

// listLen is len(v) of a list value.
func listLen(v ir.Expr) ir.Expr { return intr("list_len", ir.Int64, v) }

// listExpr lowers an expression of list type.
func (l *fnLowerer) listExpr(e ast.Expr, t *ir.List) ir.Expr {
	pos := l.pos(e)
	switch e := e.(type) {
	case *ast.Name:
		return ir.Ref(l.scalarVar(e))
	case *ast.List:
		if len(e.Elts) == 0 && t.Elem == nil {
			// [] whose elements have no type yet: the place it goes to
			// gives it one (typeEmptyList).
			return ir.Ref(l.newList(&ir.List{}, pos))
		}
		es := l.elemScalar(e, t)
		out := l.newList(t, pos)
		for _, x := range e.Elts {
			l.listOp("append", []*ir.Var{out}, pos, ir.Ref(out), cv(l.expr(x), es))
		}
		return ir.Ref(out)
	case *ast.BinOp:
		l.elemScalar(e, t)
		switch e.Op {
		case ast.Add:
			vs := l.seq(pos, e.Left, e.Right)
			out := l.newList(t, pos)
			for _, v := range vs {
				l.listOp("extend", []*ir.Var{out}, pos, ir.Ref(out), v)
			}
			return ir.Ref(out)
		case ast.Mult:
			vs := l.seq(pos, e.Left, e.Right)
			if _, ok := vs[0].Type().(*ir.List); !ok {
				vs[0], vs[1] = vs[1], vs[0]
			}
			src := l.simple(vs[0], pos)
			out := l.newList(t, pos)
			l.loop(l.simple(cv(vs[1], ir.Int64), pos), pos, func(ir.Expr) {
				l.listOp("extend", []*ir.Var{out}, pos, ir.Ref(out), src)
			})
			return ir.Ref(out)
		}
	case *ast.Subscript:
		sl, ok := e.Slice.(*ast.Slice)
		if !ok {
			break
		}
		l.elemScalar(e, t)
		src := l.simple(l.expr(e.Value), pos)
		n := l.spill(listLen(src), pos)
		start, length, step := l.slice(typeinfer.IndexItem{Slice: true, Lower: sl.Lower, Upper: sl.Upper, Step: sl.Step}, n, pos)
		out := l.newList(t, pos)
		l.loop(length, pos, func(k ir.Expr) {
			l.listOp("append", []*ir.Var{out}, pos, ir.Ref(out), intr("list_get", t.Elem, src, ir.Bin(ir.Add, start, mul(k, step))))
		})
		return ir.Ref(out)
	case *ast.Call:
		ci := l.info.Calls[e]
		if ci != nil && ci.Kind == typeinfer.CallBuiltin && (ci.Name == "list" || ci.Name == "sorted") {
			return l.listBuiltin(e, ci, t)
		}
		if ci != nil && ci.Kind == typeinfer.CallMethod && ci.Name == "copy" {
			src := l.expr(ci.Recv)
			out := l.temp(t)
			l.listOp("copy", []*ir.Var{out}, pos, src)
			return ir.Ref(out)
		}
		return l.call(e)
	}
	l.errorf(e, "unsupported: this list expression (%T); build the list with a literal, append or a comprehension", e)
	return nil
}

// listBuiltin lowers list(iterable) and sorted(iterable, reverse=r).
func (l *fnLowerer) listBuiltin(e *ast.Call, ci *typeinfer.CallInfo, t *ir.List) ir.Expr {
	pos := l.pos(e)
	es := l.elemScalar(e, t)
	if ci.Func != nil || ci.Kwargs["key"] != nil {
		l.errorf(e, "unsupported: sorted() with key=; sort the keys themselves")
	}
	src := ci.Args[0]
	out := l.newList(t, pos)
	if st, ok := l.listType(src); ok {
		l.elemScalar(src, st)
		l.listOp("extend", []*ir.Var{out}, pos, ir.Ref(out), l.expr(src))
	} else {
		it := l.info.Iters[src]
		s := l.iterSource(src, it, pos)
		l.loop(s.n, pos, func(k ir.Expr) {
			vals := s.elem(k)
			if len(vals) != 1 {
				l.errorf(src, "unsupported: a list of tuples; make one list per tuple element")
			}
			l.listOp("append", []*ir.Var{out}, pos, ir.Ref(out), cv(vals[0], es))
		})
	}
	if ci.Name == "sorted" {
		var rev ir.Expr = ir.BoolConst(false)
		if r := ci.Kwargs["reverse"]; r != nil {
			rev = truth(l.expr(r))
		}
		l.listOp("sort", []*ir.Var{out}, pos, ir.Ref(out), rev)
	}
	return ir.Ref(out)
}

// listVar is the variable of a list a method changes: a local's.
func (l *fnLowerer) listVar(recv ast.Expr) *ir.Var {
	n, ok := recv.(*ast.Name)
	if !ok {
		l.errorf(recv, "unsupported: changing a list that is not in a variable; assign it to one first")
	}
	return l.scalarVar(n)
}

// listIndex lowers i as an index of a list of length n (a simple value):
// Python's negative indices, then IndexError msg when out of range.
func (l *fnLowerer) listIndex(i, n ir.Expr, msg string, pos ir.Pos) ir.Expr {
	i = l.simple(cv(i, ir.Int64), pos)
	if c, ok := i.(*ir.ConstExpr); ok && c.Value.(int64) < 0 {
		j := l.spill(ir.Bin(ir.Add, i, n), pos)
		l.check(ir.Bin(ir.Ge, j, ir.Int(0)), "IndexError", msg, pos)
		return j
	}
	if r, ok := i.(*ir.VarRef); ok && l.nonneg[r.V] {
		l.check(ir.Bin(ir.Lt, i, n), "IndexError", msg, pos)
		return i
	}
	if c, ok := i.(*ir.ConstExpr); ok && c.Value.(int64) >= 0 {
		l.check(ir.Bin(ir.Lt, i, n), "IndexError", msg, pos)
		return i
	}
	l.check(and(ir.Bin(ir.Ge, i, &ir.Unary{Op: ir.Neg, X: n}), ir.Bin(ir.Lt, i, n)), "IndexError", msg, pos)
	t := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: t, Src: i, Pos: pos})
	l.emit(&ir.If{Cond: ir.Bin(ir.Lt, i, ir.Int(0)),
		Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: t, Src: ir.Bin(ir.Add, i, n), Pos: pos}}}, Pos: pos})
	return ir.Ref(t)
}

const msgListIndex = "list index out of range"

// listGet lowers xs[i] of a list.
func (l *fnLowerer) listGet(e *ast.Subscript, t *ir.List) ir.Expr {
	pos := l.pos(e)
	es := l.elemScalar(e.Value, t)
	idx, ok := e.Slice.(*ast.Index)
	if !ok {
		l.errorf(e, "unsupported: this subscript of a list")
	}
	vs := l.seq(pos, e.Value, idx.Value)
	src := l.simple(vs[0], pos)
	n := l.spill(listLen(src), pos)
	i := l.listIndex(vs[1], n, msgListIndex, pos)
	return intr("list_get", es, src, i)
}

// listStore lowers xs[i] = value, or xs[i] op= value when aug is set.
func (l *fnLowerer) listStore(target *ast.Subscript, value ast.Expr, aug *ast.AugAssign, pos ir.Pos) {
	if aug == nil {
		l.listStoreValue(target, l.simple(l.expr(value), pos), pos) // Python evaluates the value first
		return
	}
	// xs[i] += v reads xs[i] first: its IndexError is the read's.
	v, es, i := l.listElemRef(target, msgListIndex, pos)
	old := l.spill(intr("list_get", es, ir.Ref(v), i), pos)
	rt := l.scalarOf(value)
	y := l.expr(value)
	c, _ := y.(*ir.ConstExpr)
	val := l.binop(aug.Op, old, es, y, rt, arithResult(aug.Op, es, rt, c), pos)
	l.listOp("set", []*ir.Var{v}, pos, ir.Ref(v), i, cv(val, es))
}

// listStoreValue lowers xs[i] = v of a value already lowered (a = xs[i]
// = v, whose value Python evaluates once, first).
func (l *fnLowerer) listStoreValue(target *ast.Subscript, val ir.Expr, pos ir.Pos) {
	v, es, i := l.listElemRef(target, "list assignment index out of range", pos)
	l.listOp("set", []*ir.Var{v}, pos, ir.Ref(v), i, cv(val, es))
}

// listElemRef lowers the target xs[i] of a store: the list's variable,
// its element type and the checked index (IndexError msg).
func (l *fnLowerer) listElemRef(target *ast.Subscript, msg string, pos ir.Pos) (*ir.Var, ir.Scalar, ir.Expr) {
	t, _ := l.listType(target.Value)
	es := l.elemScalar(target.Value, t)
	idx, ok := target.Slice.(*ast.Index)
	if !ok {
		l.errorf(target, "unsupported: assigning to a slice of a list; assign the elements one by one")
	}
	v := l.listVar(target.Value)
	n := l.spill(listLen(ir.Ref(v)), pos)
	return v, es, l.listIndex(l.expr(idx.Value), n, msg, pos)
}

// listMethod lowers a call of a list method; the value is nil for the
// methods returning None.
func (l *fnLowerer) listMethod(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	pos := l.pos(e)
	t, _ := l.listType(ci.Recv)
	switch ci.Name {
	case "copy":
		return l.listExpr(e, t)
	case "count", "index":
		es := l.elemScalar(ci.Recv, t)
		vs := l.seq(pos, append([]ast.Expr{ci.Recv}, ci.Args...)...)
		x := l.containedValue(ci.Args[0], vs[1], es)
		src := l.simple(vs[0], pos)
		x = l.simple(x, pos)
		if ci.Name == "count" {
			k := l.temp(ir.Int64)
			l.emit(&ir.Assign{Dst: k, Src: ir.Int(0), Pos: pos})
			l.loop(l.spill(listLen(src), pos), pos, func(j ir.Expr) {
				l.emit(&ir.If{Cond: ir.Bin(ir.Eq, intr("list_get", es, src, j), x), Then: &ir.Block{Stmts: []ir.Stmt{
					&ir.Assign{Dst: k, Src: ir.Bin(ir.Add, ir.Ref(k), ir.Int(1)), Pos: pos}}}, Pos: pos})
			})
			return ir.Ref(k)
		}
		k := l.find(src, x, es, pos)
		if !es.IsInt() {
			l.errorf(e, "unsupported: list.index of a list of %s (its ValueError shows the value); write a loop", es)
		}
		l.emit(&ir.Check{Cond: ir.Bin(ir.Ge, k, ir.Int(0)), Exc: "ValueError", Msg: "%d is not in list", Args: []ir.Expr{cv(x, ir.Int64)}, Pos: pos})
		return k
	}
	v := l.listVar(ci.Recv)
	es := l.elemScalar(ci.Recv, v.Type.(*ir.List))
	dst := []*ir.Var{v}
	switch ci.Name {
	case "append":
		x := l.expr(ci.Args[0])
		l.listOp("append", dst, pos, ir.Ref(v), cv(x, es))
	case "extend":
		arg := ci.Args[0]
		if _, ok := l.listType(arg); ok {
			l.listOp("extend", dst, pos, ir.Ref(v), l.expr(arg))
			break
		}
		for _, x := range l.tuple(arg) {
			x = l.simple(x, pos)
			l.listOp("append", dst, pos, ir.Ref(v), cv(x, es))
		}
	case "insert":
		vs := l.seq(pos, ci.Args[0], ci.Args[1])
		n := l.spill(listLen(ir.Ref(v)), pos)
		i := l.spill(cv(vs[0], ir.Int64), pos).(*ir.VarRef).V
		// list.insert clamps: i < 0 counts from the end, then to [0, n].
		l.emit(&ir.If{Cond: ir.Bin(ir.Lt, ir.Ref(i), ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{
			&ir.Assign{Dst: i, Src: intr("max", ir.Int64, ir.Bin(ir.Add, ir.Ref(i), n), ir.Int(0)), Pos: pos}}}, Pos: pos})
		l.emit(&ir.Assign{Dst: i, Src: intr("min", ir.Int64, ir.Ref(i), n), Pos: pos})
		l.listOp("insert", dst, pos, ir.Ref(v), ir.Ref(i), cv(vs[1], es))
	case "pop":
		n := l.spill(listLen(ir.Ref(v)), pos)
		var i ir.Expr
		if len(ci.Args) == 0 || ci.Args[0] == nil {
			l.check(ir.Bin(ir.Gt, n, ir.Int(0)), "IndexError", "pop from empty list", pos)
			i = l.spill(ir.Bin(ir.Sub, n, ir.Int(1)), pos)
		} else {
			x := l.expr(ci.Args[0])
			l.check(ir.Bin(ir.Gt, n, ir.Int(0)), "IndexError", "pop from empty list", pos)
			i = l.listIndex(x, n, "pop index out of range", pos)
		}
		r := l.temp(es)
		l.listOp("pop", []*ir.Var{v, r}, pos, ir.Ref(v), i)
		return ir.Ref(r)
	case "clear", "reverse":
		l.listOp(ci.Name, dst, pos, ir.Ref(v))
	case "sort":
		if ci.Func != nil || ci.Kwargs["key"] != nil {
			l.errorf(e, "unsupported: sort() with key=; sort the keys themselves")
		}
		var rev ir.Expr = ir.BoolConst(false)
		if r := ci.Kwargs["reverse"]; r != nil {
			rev = truth(l.expr(r))
		}
		l.listOp("sort", dst, pos, ir.Ref(v), rev)
	default:
		l.errorf(e, "unsupported: list.%s()", ci.Name)
	}
	return nil
}

// containedValue converts x (the lowered value of ast x) to the element
// type es for a comparison with the elements: an int into a float list's
// type, say; a float looked for among ints is not supported.
func (l *fnLowerer) containedValue(at ast.Expr, x ir.Expr, es ir.Scalar) ir.Expr {
	xt := x.Type().(ir.Scalar)
	if xt != es && promote(xt, es) != es {
		l.errorf(at, "unsupported: looking for a %s in a list of %s; convert it first", xt, es)
	}
	return cv(x, es)
}

// listContains lowers x in xs / x not in xs.
func (l *fnLowerer) listContains(e *ast.Compare, t *ir.List) ir.Expr {
	pos := l.pos(e)
	es := l.elemScalar(e.Comparators[0], t)
	vs := l.seq(pos, e.Left, e.Comparators[0])
	x := l.simple(l.containedValue(e.Left, vs[0], es), pos)
	k := l.find(l.simple(vs[1], pos), x, es, pos)
	if e.Ops[0] == ast.NotIn {
		return ir.Bin(ir.Lt, k, ir.Int(0))
	}
	return ir.Bin(ir.Ge, k, ir.Int(0))
}

// listIterSource is the iterSrc of a list: a copy of its value taken
// before the loop, as Python iterates the list it started with (a loop
// that appends to the list it iterates is the exception: Python would see
// the new elements).
func (l *fnLowerer) listIterSource(e ast.Expr, pos ir.Pos) iterSrc {
	t, _ := l.listType(e)
	es := l.elemScalar(e, t)
	src := l.spill(l.expr(e), pos)
	n := l.spill(listLen(src), pos)
	return iterSrc{n: n, t: es, elem: func(k ir.Expr) []ir.Expr {
		return []ir.Expr{intr("list_get", es, src, k)}
	}}
}

// listArray lowers np.array(xs) of a list of scalars into a new array of
// type t.
func (l *fnLowerer) listArray(e ast.Expr, t *ir.Array, pos ir.Pos) *ir.Var {
	s := l.listIterSource(e, pos)
	a := l.temp(&ir.Array{Elem: t.Elem, Rank: 1, Contig: true})
	l.emit(&ir.Alloc{Dst: a, Shape: []ir.Expr{s.n}, Pos: pos})
	l.loop(s.n, pos, func(k ir.Expr) {
		l.emit(&ir.Store{Arr: a, Offset: k, Val: l.storeConv(s.elem(k)[0], t.Elem, pos), Pos: pos})
	})
	if t.Rank != 1 {
		l.errorf(e, "unsupported: np.array of a list as a %d-d array", t.Rank)
	}
	return a
}

// loop emits for k in range(n): body(k), n a simple value.
func (l *fnLowerer) loop(n ir.Expr, pos ir.Pos, body func(k ir.Expr)) {
	k := l.temp(ir.Int64)
	b := l.block(func() { body(ir.Ref(k)) })
	l.emit(&ir.For{Var: k, Start: ir.Int(0), Stop: n, Step: ir.Int(1), Body: &ir.Block{Stmts: b}, Pos: pos})
}

// find returns a variable holding the first index of x in the list src
// (simple values), -1 when x is not there: Python's == on each element.
func (l *fnLowerer) find(src, x ir.Expr, es ir.Scalar, pos ir.Pos) ir.Expr {
	k := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: k, Src: ir.Int(-1), Pos: pos})
	l.loop(l.spill(listLen(src), pos), pos, func(j ir.Expr) {
		l.emit(&ir.If{Cond: ir.Bin(ir.Eq, intr("list_get", es, src, j), x), Then: &ir.Block{Stmts: []ir.Stmt{
			&ir.Assign{Dst: k, Src: j, Pos: pos}, &ir.Break{Pos: pos}}}, Pos: pos})
	})
	return ir.Ref(k)
}

// typeEmptyList gives the list of an empty literal ([], a fresh variable
// of element type nil) the type t of the place it is stored in.
func typeEmptyList(e ir.Expr, t ir.Type) {
	r, ok := e.(*ir.VarRef)
	if !ok {
		return
	}
	have, ok := r.V.Type.(*ir.List)
	want, ok2 := t.(*ir.List)
	if ok && ok2 && have.Elem == nil {
		have.Elem = want.Elem
	}
}

// defaultListElems gives the lists whose elements never get a type (xs =
// [] never appended to, len([])) int elements: they stay empty, so any
// element type computes what Python does.
func defaultListElems(f *ir.Func) {
	for _, v := range f.Locals {
		if t, ok := v.Type.(*ir.List); ok && t.Elem == nil {
			t.Elem = ir.Int64
		}
	}
}
