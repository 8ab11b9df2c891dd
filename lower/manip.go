package lower

import (
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Array manipulation: np.diff and the other rows that rearrange elements
// rather than compute them. They build their operands as views (aview)
// and reuse fusion's loops: a synthetic expression over views, whose
// leaves are preset, becomes one loop nest like any elementwise
// expression.

// synthLeaf is a view as a leaf of a synthetic expression: an AST name
// no source holds, typed through extraTypes, read through av.
func (l *fnLowerer) synthLeaf(av aview, elem ir.Scalar) (ast.Expr, *fnode) {
	e := &ast.Name{Id: "_view"}
	if l.extraTypes == nil {
		l.extraTypes = map[ast.Expr]ir.Type{}
	}
	l.extraTypes[e] = &ir.Array{Elem: elem, Rank: len(av.shape)}
	return e, &fnode{e: e, leaf: true, av: av, shape: av.shape, elem: elem}
}

// axisRange is av restricted to [start, start+n) along axis (start and n
// simple).
func axisRange(av aview, axis int, start, n ir.Expr) aview {
	out := aview{src: av.src, off: addOff(av.off, mul(start, av.strides[axis])),
		shape: append([]ir.Expr(nil), av.shape...), strides: av.strides}
	out.shape[axis] = n
	return out
}

// diff lowers np.diff(a, n, axis): n rounds of x[1:] - x[:-1] along the
// axis (x[1:] != x[:-1] for bools, as numpy), each into a fresh array.
func (l *fnLowerer) diff(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	rounds := int64(1)
	if x := ci.Kwargs["n"]; x != nil {
		rounds = l.expr(x).(*ir.ConstExpr).Value.(int64)
	}
	av := l.viewOf(ci.Args[0])
	if rounds == 0 {
		return l.materializeCopy(av, t, pos)
	}
	var out *ir.Var
	for r := int64(0); r < rounds; r++ {
		av = l.simpleView(av, pos)
		n := l.spill(intr("max", ir.Int64, ir.Bin(ir.Sub, av.shape[ci.Axis], ir.Int(1)), ir.Int(0)), pos)
		hiE, hi := l.synthLeaf(axisRange(av, ci.Axis, ir.Int(1), n), t.Elem)
		loE, lo := l.synthLeaf(axisRange(av, ci.Axis, ir.Int(0), n), t.Elem)
		var op ast.Expr = &ast.BinOp{Left: hiE, Op: ast.Sub, Right: loE}
		if t.Elem == ir.Bool {
			op = &ast.Compare{Left: hiE, Ops: []ast.CmpOp{ast.NotEq}, Comparators: []ast.Expr{loE}}
		}
		l.extraTypes[op] = t
		root := &fnode{e: op, kids: []*fnode{hi, lo}, shape: hi.shape, elem: t.Elem}
		out = l.temp(t)
		l.emit(&ir.Alloc{Dst: out, Shape: root.shape, Pos: pos})
		l.storeLoopShape(out, root, root.shape, pos)
		av = wholeView(out)
	}
	return out
}

// materializeCopy copies av into a fresh C-contiguous array of type t.
func (l *fnLowerer) materializeCopy(av aview, t *ir.Array, pos ir.Pos) *ir.Var {
	e, leaf := l.synthLeaf(av, t.Elem)
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: leaf.shape, Pos: pos})
	l.storeLoopShape(out, &fnode{e: e, leaf: true, av: av, shape: leaf.shape, elem: t.Elem}, leaf.shape, pos)
	return out
}

// join lowers np.concatenate, np.stack, np.hstack and np.vstack of a tuple
// or list display: the operands' views are taken in order, their extents
// checked as numpy does (every axis but the joined one must agree; every
// axis for stack), then each is copied into its slab of one fresh array.
func (l *fnLowerer) join(ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	var elts []ast.Expr
	switch x := ci.Args[0].(type) {
	case *ast.Tuple:
		elts = x.Elts
	case *ast.List:
		elts = x.Elts
	default:
		panic("internal: np." + ci.Name + " of a non-display")
	}
	avs := make([]aview, len(elts))
	elems := make([]ir.Scalar, len(elts))
	for i, x := range elts {
		avs[i] = l.simpleView(l.viewOf(x), pos)
		elems[i] = l.typeOf(x).(*ir.Array).Elem
		if ci.Name == "vstack" && len(avs[i].shape) == 1 {
			// A 1-d array is one row (numpy's atleast_2d).
			av := avs[i]
			avs[i] = aview{src: av.src, off: av.off, shape: []ir.Expr{ir.Int(1), av.shape[0]}, strides: []ir.Expr{ir.Int(0), av.strides[0]}}
		}
	}
	axis, stack := ci.Axis, ci.Name == "stack"
	msg := ci.Row.Raise("ValueError")
	for i := 1; i < len(avs); i++ {
		for d := range avs[0].shape {
			if d == axis && !stack || ir.SameExpr(avs[i].shape[d], avs[0].shape[d]) {
				continue
			}
			c := &ir.Check{Cond: ir.Bin(ir.Eq, avs[i].shape[d], avs[0].shape[d]), Exc: "ValueError", Msg: msg, Pos: pos}
			if !stack {
				c.Args = []ir.Expr{ir.Int(int64(d)), avs[0].shape[d], ir.Int(int64(i)), avs[i].shape[d]}
			}
			l.emit(c)
		}
	}
	shape := append([]ir.Expr(nil), avs[0].shape...)
	if stack {
		shape = append(shape[:axis], append([]ir.Expr{ir.Int(int64(len(avs)))}, shape[axis:]...)...)
	} else {
		var n ir.Expr = ir.Int(0)
		for _, av := range avs {
			n = addOff(n, av.shape[axis])
		}
		shape[axis] = l.cheap(n, pos)
	}
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos})
	ov := wholeView(out)
	var at ir.Expr = ir.Int(0) // where the next slab starts along axis
	for i, av := range avs {
		var dv aview
		if stack {
			dv = aview{src: out, off: addOff(ov.off, mul(ir.Int(int64(i)), ov.strides[axis])),
				shape:   append(append([]ir.Expr(nil), ov.shape[:axis]...), ov.shape[axis+1:]...),
				strides: append(append([]ir.Expr(nil), ov.strides[:axis]...), ov.strides[axis+1:]...)}
		} else {
			dv = axisRange(ov, axis, at, av.shape[axis])
			at = l.cheap(addOff(at, av.shape[axis]), pos)
		}
		dv.off = l.cheap(dv.off, pos)
		dst := l.materialize(dv, &ir.Array{Elem: t.Elem, Rank: len(dv.shape)}, pos)
		_, leaf := l.synthLeaf(av, elems[i])
		l.storeLoopShape(dst, leaf, wholeView(dst).shape, pos)
	}
	return out
}

// copyView stores the elements of src (of element type se) into dst,
// an aview of an existing array of the same shape.
func (l *fnLowerer) copyView(dst aview, src aview, se ir.Scalar, pos ir.Pos) {
	dst.off = l.cheap(dst.off, pos)
	d := l.materialize(dst, &ir.Array{Elem: dst.src.Type.(*ir.Array).Elem, Rank: len(dst.shape)}, pos)
	_, leaf := l.synthLeaf(src, se)
	l.storeLoopShape(d, leaf, wholeView(d).shape, pos)
}

// flatView is a C-ordered 1-d view of a copy of the array e, and e's
// shape.
func (l *fnLowerer) flatView(e ast.Expr, t *ir.Array, pos ir.Pos) (aview, []ir.Expr) {
	v := l.materializeCopy(l.simpleView(l.viewOf(e), pos), &ir.Array{Elem: t.Elem, Rank: l.typeOf(e).(*ir.Array).Rank, Contig: true}, pos)
	n := l.cheap(l.size(wholeView(v)), pos)
	return aview{src: v, off: &ir.Dim{Arr: v, Kind: ir.Offset}, shape: []ir.Expr{n}, strides: []ir.Expr{ir.Int(1)}}, wholeView(v).shape
}

// countLoop emits `for j in range(n)` around body.
func (l *fnLowerer) countLoop(n ir.Expr, pos ir.Pos, body func(j ir.Expr)) {
	j := l.newVar("j", ir.Int64)
	stmts := l.block(func() { body(ir.Ref(j)) })
	l.emit(&ir.For{Var: j, Start: ir.Int(0), Stop: n, Step: ir.Int(1), Body: &ir.Block{Stmts: stmts}, Pos: pos})
}

// rearrange lowers np.roll, np.repeat and np.tile (ci.Axis: the axis, or
// -1 for the flattened array) by slab copies into a fresh array.
func (l *fnLowerer) rearrange(ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	x := ci.Args[0]
	if ci.Recv != nil {
		x = ci.Recv
	}
	xt := l.typeOf(x).(*ir.Array)
	var src aview
	var shape0 []ir.Expr // the operand's shape, for roll's flattened result
	axis := ci.Axis
	if axis < 0 {
		src, shape0 = l.flatView(x, t, pos)
		axis = 0
	} else {
		src = l.simpleView(l.viewOf(x), pos)
	}
	count := l.simple(cv(l.expr(ci.Args[len(ci.Args)-1]), ir.Int64), pos)
	n := src.shape[axis]
	shape := append([]ir.Expr(nil), src.shape...)
	switch ci.Name {
	case "repeat":
		// numpy checks the count of each of the n elements: none when
		// n is 0.
		l.check(or(ir.Bin(ir.Ge, count, ir.Int(0)), ir.Bin(ir.Eq, n, ir.Int(0))), "ValueError", msgNegDimension, pos)
		shape[axis] = l.spill(intr("max", ir.Int64, mul(n, count), ir.Int(0)), pos)
	case "tile":
		// numpy repeats only a non-empty array; an empty one is reshaped
		// to the product shape, which fails for a negative extent.
		size := l.cheap(l.size(src), pos)
		l.check(or(ir.Bin(ir.Ge, count, ir.Int(0)), ir.Bin(ir.Eq, size, ir.Int(0))), "ValueError", msgNegDimension, pos)
		if len(shape) > 1 {
			msg := "cannot reshape array of size 0 into shape (" + strings.Repeat("%d,", len(shape)-1) + "newaxis)"
			l.emit(&ir.Check{Cond: or(ir.Bin(ir.Ge, count, ir.Int(0)), ir.Bin(ir.Eq, n, ir.Int(0))), Exc: "ValueError", Msg: msg, Args: shape[:len(shape)-1], Pos: pos})
		}
		shape[axis] = l.spill(intr("max", ir.Int64, mul(n, count), ir.Int(0)), pos)
	}
	out := l.temp(&ir.Array{Elem: t.Elem, Rank: len(shape), Contig: true})
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos})
	ov := wholeView(out)
	switch ci.Name {
	case "roll":
		// s = shift mod n in [0, n); out[s:] = a[:n-s], out[:s] = a[n-s:].
		m := l.spill(intr("max", ir.Int64, n, ir.Int(1)), pos)
		s := l.spill(intr("mod", ir.Int64, count, m), pos)
		rest := l.spill(ir.Bin(ir.Sub, n, s), pos)
		l.copyView(axisRange(ov, axis, s, rest), axisRange(src, axis, ir.Int(0), rest), xt.Elem, pos)
		l.copyView(axisRange(ov, axis, ir.Int(0), s), axisRange(src, axis, rest, s), xt.Elem, pos)
	case "repeat":
		// Copy k of every element goes to out[k::count] along axis.
		l.countLoop(count, pos, func(k ir.Expr) {
			dv := axisRange(ov, axis, k, n)
			dv.strides = append([]ir.Expr(nil), dv.strides...)
			dv.strides[axis] = l.cheap(mul(ov.strides[axis], count), pos)
			l.copyView(dv, src, xt.Elem, pos)
		})
	case "tile":
		l.countLoop(count, pos, func(k ir.Expr) {
			l.copyView(axisRange(ov, axis, l.cheap(mul(k, n), pos), n), src, xt.Elem, pos)
		})
	}
	if ci.Axis < 0 && ci.Name == "roll" {
		// The flattened result takes the array's shape back.
		return l.reshapeContig(out, shape0, t, pos)
	}
	return out
}
