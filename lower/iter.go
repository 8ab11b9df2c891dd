package lower

// For loops in the general form (typeinfer.Info.Iters): every iterable
// becomes a length and a way to get element k, both computed from values
// taken once before the loop (Python evaluates the iterable once), and the
// loop runs a hidden index k from 0 to the length:
//
//	range(a, b, s)    n = slice_len(a, b, s)   element a + k*s
//	an array x        n = x.shape[0]           element x[k] (a row view for rank > 1)
//	a tuple t         n = len(t)               element t[k] (an if chain on k)
//	enumerate(it, s)  n = n(it)                (s + k, element k of it)
//	zip(i1, i2, ...)  n = min(n(i1), ...)       (element k of each)
//	reversed(it)      n = n(it)                element n-1-k of it
//
// so no iterator object exists at run time, and the element's values are
// assigned to the loop target as an unpacking assignment would.

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// iterSrc is a lowered iterable: its length (a constant or a variable)
// and the values of its element k, which elem emits the statements of.
type iterSrc struct {
	n    ir.Expr
	elem func(k ir.Expr) []ir.Expr
	t    ir.Type // the element type
}

// forGeneral lowers a for loop over an iterable of Info.Iters.
func (l *fnLowerer) forGeneral(s *ast.For, it *typeinfer.IterInfo) {
	pos := l.pos(s)
	src := l.iterSource(s.Iter, it, pos)
	k := l.temp(ir.Int64)
	flag := l.loopFlag(s.Body, s.Orelse, pos)
	l.loops = append(l.loops, &loopCtx{brk: flag})
	body := l.block(func() {
		l.bindTarget(s.Target, src.elem(ir.Ref(k)), src.t, pos)
		l.stmts(s.Body, false)
	})
	l.loops = l.loops[:len(l.loops)-1]
	l.emit(&ir.For{Var: k, Start: ir.Int(0), Stop: src.n, Step: ir.Int(1), Body: &ir.Block{Stmts: body}, Pos: pos})
	l.loopElse(flag, s.Orelse, pos)
}

// iterSource lowers an iterable: its arguments are evaluated now, in
// order, into variables the loop body cannot change.
func (l *fnLowerer) iterSource(e ast.Expr, it *typeinfer.IterInfo, pos ir.Pos) iterSrc {
	if it == nil {
		l.errorf(e, "unsupported: iteration over this value")
	}
	keep := func(v ir.Expr) ir.Expr {
		if _, ok := v.(*ir.ConstExpr); ok {
			return v
		}
		return l.spill(v, pos)
	}
	switch it.Kind {
	case typeinfer.IterRange:
		args := l.seq(pos, it.Args...)
		for i := range args {
			args[i] = keep(cv(args[i], ir.Int64))
		}
		var start, stop, step ir.Expr = ir.Int(0), nil, ir.Int(1)
		switch len(args) {
		case 1:
			stop = args[0]
		case 2:
			start, stop = args[0], args[1]
		case 3:
			start, stop, step = args[0], args[1], args[2]
		}
		if c, ok := step.(*ir.ConstExpr); !ok || c.Value == int64(0) {
			l.check(ir.Bin(ir.Ne, step, ir.Int(0)), "ValueError", "range() arg 3 must not be zero", l.pos(e))
		}
		n := keep(intr("slice_len", ir.Int64, start, stop, step))
		return iterSrc{n: n, t: ir.Int64, elem: func(k ir.Expr) []ir.Expr {
			return []ir.Expr{ir.Bin(ir.Add, start, mul(k, step))}
		}}
	case typeinfer.IterArray:
		av := l.viewOf(it.Args[0])
		if len(av.shape) == 0 {
			l.errorf(e, "iteration over a 0-d array")
		}
		a := av.src.Type.(*ir.Array)
		// A view of its own: the body may rebind the array's variable,
		// and Python goes on iterating the array it started with.
		t := l.temp(&ir.Array{Elem: a.Elem, Rank: len(av.shape)})
		l.emit(&ir.View{Dst: t, Src: av.src, Offset: av.off, Shape: av.shape, Strides: av.strides, Pos: pos})
		tv := wholeView(t)
		n := keep(tv.shape[0])
		if len(tv.shape) == 1 {
			return iterSrc{n: n, t: a.Elem, elem: func(k ir.Expr) []ir.Expr {
				return []ir.Expr{&ir.Load{Arr: t, Offset: addOff(tv.off, mul(k, tv.strides[0]))}}
			}}
		}
		rt := &ir.Array{Elem: a.Elem, Rank: len(tv.shape) - 1}
		return iterSrc{n: n, t: rt, elem: func(k ir.Expr) []ir.Expr {
			row := l.temp(rt)
			l.emit(&ir.View{Dst: row, Src: t, Offset: l.simple(addOff(tv.off, mul(k, tv.strides[0])), pos),
				Shape: tv.shape[1:], Strides: tv.strides[1:], Pos: pos})
			return []ir.Expr{ir.Ref(row)}
		}}
	case typeinfer.IterTuple:
		vals := l.tuple(it.Args[0])
		tt := l.typeOf(it.Args[0]).(*ir.Tuple)
		for i := range vals {
			vals[i] = keep(convTo(vals[i], it.Elem))
		}
		return iterSrc{n: ir.Int(int64(len(vals))), t: it.Elem, elem: func(k ir.Expr) []ir.Expr {
			return []ir.Expr{l.selectValue(k, vals, it.Elem, tt, pos)}
		}}
	case typeinfer.IterEnumerate:
		inner := l.iterSource(it.Args[0], l.info.Iters[it.Args[0]], pos)
		var start ir.Expr = ir.Int(0)
		if it.Start != nil {
			start = keep(cv(l.expr(it.Start), ir.Int64))
		}
		return iterSrc{n: inner.n, t: it.Elem, elem: func(k ir.Expr) []ir.Expr {
			return append([]ir.Expr{ir.Bin(ir.Add, start, k)}, inner.elem(k)...)
		}}
	case typeinfer.IterZip:
		var inners []iterSrc
		var n ir.Expr
		for _, a := range it.Args {
			in := l.iterSource(a, l.info.Iters[a], pos)
			inners = append(inners, in)
			if n == nil {
				n = in.n
			} else {
				n = intr("min", ir.Int64, n, in.n)
			}
		}
		return iterSrc{n: keep(n), t: it.Elem, elem: func(k ir.Expr) []ir.Expr {
			var out []ir.Expr
			for _, in := range inners {
				out = append(out, in.elem(k)...)
			}
			return out
		}}
	case typeinfer.IterList:
		return l.listIterSource(it.Args[0], pos) // list.go
	case typeinfer.IterReversed:
		inner := l.iterSource(it.Args[0], l.info.Iters[it.Args[0]], pos)
		return iterSrc{n: inner.n, t: it.Elem, elem: func(k ir.Expr) []ir.Expr {
			return inner.elem(ir.Bin(ir.Sub, ir.Bin(ir.Sub, inner.n, ir.Int(1)), k))
		}}
	}
	l.errorf(e, "unsupported: iteration over this value")
	return iterSrc{}
}

// selectValue is element k of a tuple's values (already in variables or
// constants), as the element type t: an if chain on k, so a variable
// index of a tuple needs no memory.
func (l *fnLowerer) selectValue(k ir.Expr, vals []ir.Expr, t ir.Type, _ *ir.Tuple, pos ir.Pos) ir.Expr {
	if len(vals) == 1 {
		return vals[0]
	}
	res := l.temp(t)
	var chain *ir.If
	var last *ir.If
	for i, v := range vals {
		assign := &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: res, Src: v, Pos: pos}}}
		if i == len(vals)-1 {
			last.Else = assign
			break
		}
		st := &ir.If{Cond: ir.Bin(ir.Eq, k, ir.Int(int64(i))), Then: assign, Pos: pos}
		if chain == nil {
			chain = st
		} else {
			last.Else = &ir.Block{Stmts: []ir.Stmt{st}}
		}
		last = st
	}
	l.emit(chain)
	return ir.Ref(res)
}

// bindTarget assigns the values of one element to a loop target: a name,
// or a tuple of targets unpacking a tuple element (nested as deeply).
func (l *fnLowerer) bindTarget(target ast.Expr, vals []ir.Expr, t ir.Type, pos ir.Pos) {
	switch x := target.(type) {
	case *ast.Name:
		vars := l.vars[l.local(x)]
		if len(vars) != len(vals) {
			l.errorf(target, "unsupported: loop target '%s' of type %s", x.Id, t)
		}
		for i, v := range vars {
			l.emit(&ir.Assign{Dst: v, Src: convTo(vals[i], v.Type), Pos: pos})
		}
		return
	case *ast.Tuple, *ast.List:
		var elts []ast.Expr
		if tup, ok := x.(*ast.Tuple); ok {
			elts = tup.Elts
		} else {
			elts = x.(*ast.List).Elts
		}
		tt, ok := t.(*ir.Tuple)
		if !ok || len(tt.Elems) != len(elts) {
			l.errorf(target, "unsupported: unpacking a %s into %d targets", t, len(elts))
		}
		// The values first, then the targets, as an assignment does.
		for i := range vals {
			if mayHaveEffects(vals[i]) || !isSimple(vals[i]) {
				vals[i] = l.spill(vals[i], pos)
			}
		}
		at := 0
		for i, el := range elts {
			n := len(flatTypes(tt.Elems[i]))
			l.bindTarget(el, vals[at:at+n], tt.Elems[i], pos)
			at += n
		}
		return
	}
	l.errorf(target, "unsupported: loop target %T", target)
}
