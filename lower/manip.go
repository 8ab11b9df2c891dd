package lower

import (
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
