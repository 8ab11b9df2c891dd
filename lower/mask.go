package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Advanced indexing: a subscript with one index array (a boolean mask or
// an integer array; typeinfer/mask.go says which forms and why).
//
// A subscript a[..., X, ...] lowers to the view V of a with every other
// item applied (integers folded into the offset, slices into shapes and
// strides) and X's axes left whole at V's axes [p, p+cov): cov is the
// mask's rank, or 1 for an integer array. The selection is then a loop
// nest, never an iterator object:
//
//	outer axes of V       for each result index of the axes before X
//	  X's axes            a mask's axes with `if m[...]` and a counter j
//	                      (the result's one axis), or the integer array's
//	                      axes with its element loaded, bounds-checked
//	                      and wrapped as numpy does
//	    inner axes of V   the axes after X
//	      body            one element: load (a gather), store (a scatter)
//
// numpy puts X's result axes first when the advanced items (X and the
// integers) are not adjacent; then every axis of V is an inner one.
//
// A read is a fresh array: for a mask, a first pass counts the true
// elements and the array is allocated once at its final size. A mask that
// is an expression (a[a > 0]) is never materialized: its element is
// computed inside the loops, as a fused expression computes it, unless a
// store could change an element it reads before it is read (a[a[::-1] >
// 0] = 0), in which case the mask is computed into a temporary first
// (numpy computes the whole mask first). A store of an array value
// evaluates the value first (Python's order); a value or an int64 index
// array sharing the destination's data is read as the stores go, in the
// selection's C order, which is what numpy 1.24 does (probed). a[X] op= v
// gathers, computes and scatters back, as numpy does (repeated integer
// indices take one update, the last).

// numpy 1.24's messages for advanced indexing.
const (
	msgMaskDim      = "boolean index did not match indexed array along dimension %d; dimension is %d but corresponding boolean dimension is %d"
	msgMaskAssign   = "NumPy boolean array indexing assignment cannot assign %d input values to the %d output values where the mask is true"
	msgShapeMismach = "shape mismatch: value array of shape "
	msgTakeEmpty    = "cannot do a non-empty take from an empty axes."
)

// advanced is a lowered subscript with an index array.
type advanced struct {
	v     aview // the indexed array, X's axes whole at [p, p+cov)
	p     int
	cov   int
	first bool // X's result axes come first
	axis  int  // the axis of the indexed array X addresses first
	// A mask: its fused tree (a leaf when it is an array value) and the
	// strides to read its leaves with over its own shape.
	mask  *fnode
	mstr  map[*fnode][]ir.Expr
	count ir.Expr // the number of true elements, once counted
	// An integer array.
	idx aview
	// whole is a[mask] with the mask addressing every axis of a: numpy's
	// boolean assignment, with its own messages.
	whole bool
}

// isAdvanced reports whether e is a subscript of an array with an index
// array.
func (l *fnLowerer) isAdvanced(e ast.Expr) bool {
	s, ok := e.(*ast.Subscript)
	if !ok || !l.isArrayExpr(s.Value) {
		return false
	}
	ii := l.info.Index[s]
	return ii != nil && ii.Advanced() >= 0
}

// advancedOf lowers the array, the items and the index array of e (in
// Python's order). dst is the array a store will write (nil for a read):
// a mask expression reading it elsewhere is computed first.
func (l *fnLowerer) advancedOf(e *ast.Subscript, store bool) *advanced {
	pos := l.pos(e)
	ii := l.info.Index[e]
	a := &advanced{}
	var x ast.Expr // the index array
	a.v, _, a.p = l.subscriptItems(e, func(it typeinfer.IndexItem, axis int) {
		a.axis, x = axis, it.Array
		if it.Mask {
			a.cov = it.ArrRank
			a.mask = l.fuseTree(it.Array, pos)
			return
		}
		a.cov = 1
		a.idx = l.viewOf(it.Array)
	})
	// numpy's placement: X's result axes replace X's when the advanced
	// items (X and the integers) are adjacent, else they come first.
	lo, hi, n := -1, -1, 0
	for k, it := range ii.Items {
		if it.Array != nil || !it.Slice && !it.NewAxis {
			if lo < 0 {
				lo = k
			}
			hi = k
			n++
		}
	}
	a.first = hi-lo+1 != n && a.p > 0
	a.whole = a.mask != nil && len(ii.Items) == 1 && len(a.v.shape) == a.cov
	if a.mask != nil {
		l.maskShape(a, pos)
		if store && l.maskReads(a) {
			m := l.materializeTree(a.mask, pos)
			a.mask = &fnode{e: x, leaf: true, av: wholeView(m), shape: wholeView(m).shape, elem: ir.Bool}
		}
		a.mstr = l.loopStrides(leaves(a.mask, nil), a.mask.shape, pos)
	} else if k := a.idx.src.Type.(*ir.Array).Elem; store && k != ir.Int64 && k == a.v.src.Type.(*ir.Array).Elem {
		// numpy casts an index array to intp (int64) first: one of
		// another kind is a copy, never changed by the stores (an int64
		// one is read as the stores go, as in numpy: b[b] = 0).
		a.idx = wholeView(l.materializeTree(&fnode{e: x, leaf: true, av: a.idx, shape: a.idx.shape, elem: a.idx.src.Type.(*ir.Array).Elem}, pos))
	}
	return a
}

// maskShape checks the mask's shape against the axes it addresses
// (numpy's IndexError, dimension by dimension). An empty 1-D mask selects
// nothing whatever the axis' extent (numpy 1.24 takes it as an empty
// integer index).
func (l *fnLowerer) maskShape(a *advanced, pos ir.Pos) {
	for j, m := range a.mask.shape {
		n := a.v.shape[a.p+j]
		if ir.SameExpr(m, n) {
			continue
		}
		var ok ir.Expr = ir.Bin(ir.Eq, m, n)
		if a.cov == 1 {
			ok = or(ok, ir.Bin(ir.Eq, m, ir.Int(0)))
		}
		l.emit(&ir.Check{Cond: ok, Exc: "IndexError", Msg: msgMaskDim,
			Args: []ir.Expr{ir.Int(int64(a.axis + j)), n, m}, Pos: pos})
	}
}

// maskReads reports whether a store through a may change an element of
// the array a's mask reads before the mask reads it: a leaf of the same
// element type that is not exactly the addressed axes of the destination
// (a[a > 0] = 0 reads a[i] before it stores a[i]; a[a[::-1] > 0] does
// not).
func (l *fnLowerer) maskReads(a *advanced) bool {
	elem := a.v.src.Type.(*ir.Array).Elem
	for _, lf := range leaves(a.mask, nil) {
		if lf.av.src.Type.(*ir.Array).Elem != elem {
			continue
		}
		if lf.av.src != a.v.src || len(a.v.shape) != a.cov || !ir.SameExpr(lf.av.off, a.v.off) {
			return true
		}
		for j := range lf.av.shape {
			if !ir.SameExpr(lf.av.shape[j], a.v.shape[j]) || !ir.SameExpr(lf.av.strides[j], a.v.strides[j]) {
				return true
			}
		}
	}
	return false
}

// materializeTree computes a fused tree into a fresh array and returns
// it as a leaf.
func (l *fnLowerer) materializeTree(n *fnode, pos ir.Pos) *ir.Var {
	t := l.temp(&ir.Array{Elem: n.elem, Rank: len(n.shape), Contig: true})
	l.emit(&ir.Alloc{Dst: t, Shape: n.shape, Pos: pos})
	l.storeLoopShape(t, n, n.shape, pos)
	return t
}

// maskCount counts the true elements of a's mask (once).
func (l *fnLowerer) maskCount(a *advanced, pos ir.Pos) ir.Expr {
	if a.count != nil {
		return a.count
	}
	c := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: c, Src: ir.Int(0), Pos: pos})
	l.loopNest(a.mask.shape, pos, func(ivs []ir.Expr) {
		m := l.elemValue(a.mask, a.mstr, ivs)
		l.emit(&ir.Assign{Dst: c, Src: ir.Bin(ir.Add, ir.Ref(c), cv(m, ir.Int64)), Pos: pos})
	})
	a.count = ir.Ref(c)
	return a.count
}

// resultShape is the shape of the selection (maskCount must have run for
// a mask).
func (a *advanced) resultShape() []ir.Expr {
	adv := a.idx.shape
	if a.mask != nil {
		adv = []ir.Expr{a.count}
	}
	pre, post := a.v.shape[:a.p], a.v.shape[a.p+a.cov:]
	var out []ir.Expr
	if a.first {
		out = append(append(append(out, adv...), pre...), post...)
	} else {
		out = append(append(append(out, pre...), adv...), post...)
	}
	return out
}

// walk emits the loop nest over the selection and calls body with the
// offset of the selected element in a.v's array and the result's index.
func (l *fnLowerer) walk(a *advanced, pos ir.Pos, body func(off ir.Expr, res []ir.Expr)) {
	l.walkRes(a, pos, true, body)
}

// walkRes is walk; without res, a mask's running count (the result's
// index along its axis) is not kept and body gets no result index (a
// scalar store: x[x < 0] = 0 is a loop with an if, nothing more).
func (l *fnLowerer) walkRes(a *advanced, pos ir.Pos, res bool, body func(off ir.Expr, res []ir.Expr)) {
	pre, post := a.v.shape[:a.p], a.v.shape[a.p+a.cov:]
	outer, inner := pre, post
	if a.first {
		outer, inner = nil, append(append([]ir.Expr(nil), pre...), post...)
	}
	// base is the offset of V's element at the outer and inner axes'
	// indices with the addressed axes' part (xoff) added.
	elemOff := func(outerIvs, innerIvs []ir.Expr, xoff ir.Expr) ir.Expr {
		var ivs []ir.Expr
		if a.first {
			ivs = append(ivs, innerIvs[:len(pre)]...)
		} else {
			ivs = append(ivs, outerIvs...)
		}
		off := a.v.off
		for j, iv := range ivs {
			off = addOff(off, mul(iv, a.v.strides[j]))
		}
		off = addOff(off, xoff)
		rest := innerIvs
		if a.first {
			rest = innerIvs[len(pre):]
		}
		for j, iv := range rest {
			off = addOff(off, mul(iv, a.v.strides[a.p+a.cov+j]))
		}
		return off
	}
	l.loopNest(outer, pos, func(outerIvs []ir.Expr) {
		if a.mask != nil {
			var j *ir.Var
			if res {
				j = l.temp(ir.Int64)
				l.emit(&ir.Assign{Dst: j, Src: ir.Int(0), Pos: pos})
			}
			l.loopNest(a.mask.shape, pos, func(mivs []ir.Expr) {
				m := l.elemValue(a.mask, a.mstr, mivs)
				var xoff ir.Expr = ir.Int(0)
				for k, iv := range mivs {
					xoff = addOff(xoff, mul(iv, a.v.strides[a.p+k]))
				}
				then := l.block(func() {
					xoff := l.simple(xoff, pos)
					l.loopNest(inner, pos, func(innerIvs []ir.Expr) {
						if j == nil {
							body(elemOff(outerIvs, innerIvs, xoff), nil)
							return
						}
						res := append(append([]ir.Expr(nil), outerIvs...), ir.Ref(j))
						res = append(res, innerIvs...)
						body(elemOff(outerIvs, innerIvs, xoff), res)
					})
					if j != nil {
						l.emit(&ir.Assign{Dst: j, Src: ir.Bin(ir.Add, ir.Ref(j), ir.Int(1)), Pos: pos})
					}
				})
				l.emit(&ir.If{Cond: m, Then: &ir.Block{Stmts: then}, Pos: pos})
			})
			return
		}
		l.loopNest(a.idx.shape, pos, func(xivs []ir.Expr) {
			i := l.simple(cv(&ir.Load{Arr: a.idx.src, Offset: flatOff(a.idx, xivs, nil)}, ir.Int64), pos)
			i = l.indexValue(i, a.v.shape[a.p], a.axis, pos)
			xoff := l.simple(mul(i, a.v.strides[a.p]), pos)
			l.loopNest(inner, pos, func(innerIvs []ir.Expr) {
				res := append(append(append([]ir.Expr(nil), outerIvs...), xivs...), innerIvs...)
				body(elemOff(outerIvs, innerIvs, xoff), res)
			})
		})
	})
}

// gather lowers a read of the advanced subscript e into a fresh array.
func (l *fnLowerer) gather(e *ast.Subscript) *ir.Var {
	pos := l.pos(e)
	return l.gatherOf(l.advancedOf(e, false), l.typeOf(e).(*ir.Array), pos)
}

// gatherOf copies the selection a into a fresh array of type t.
func (l *fnLowerer) gatherOf(a *advanced, t *ir.Array, pos ir.Pos) *ir.Var {
	if a.mask != nil {
		l.maskCount(a, pos)
	}
	shape := a.resultShape()
	out := l.temp(&ir.Array{Elem: t.Elem, Rank: t.Rank, Contig: true})
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos})
	ov := wholeView(out)
	l.walk(a, pos, func(off ir.Expr, res []ir.Expr) {
		l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, res, nil), Val: &ir.Load{Arr: a.v.src, Offset: off}, Pos: pos})
	})
	return out
}

// storeAdvanced lowers `a[X] = value`: Python evaluates the value first.
func (l *fnLowerer) storeAdvanced(target *ast.Subscript, value ast.Expr, pos ir.Pos) {
	if !l.isArrayExpr(value) {
		v := l.simple(l.expr(value), pos)
		a := l.advancedOf(target, true)
		l.scatterScalar(a, v, pos)
		return
	}
	// A value sharing the destination's data is read as the stores go,
	// element by element in the selection's C order: numpy 1.24 does the
	// same (b[np.arange(n) - 1] = b shifts b[0] into every later place).
	src := l.arrayVar(value)
	l.scatter(l.advancedOf(target, true), src, pos)
}

// scatterScalar stores the scalar v into every selected element.
func (l *fnLowerer) scatterScalar(a *advanced, v ir.Expr, pos ir.Pos) {
	elem := a.v.src.Type.(*ir.Array).Elem
	v = l.simple(l.storeConv(v, elem, pos), pos)
	l.walkRes(a, pos, false, func(off ir.Expr, _ []ir.Expr) {
		l.emit(&ir.Store{Arr: a.v.src, Offset: off, Val: v, Pos: pos})
	})
}

// scatter stores the array src into the selection, with numpy's checks:
// for a whole-array mask, a 1-D value of the count's length or of length
// 1; otherwise a value that broadcasts to the selection's shape.
func (l *fnLowerer) scatter(a *advanced, src *ir.Var, pos ir.Pos) {
	elem := a.v.src.Type.(*ir.Array).Elem
	sv := wholeView(src)
	from := src.Type.(*ir.Array).Elem
	if a.mask != nil {
		l.maskCount(a, pos)
	}
	shape := a.resultShape()
	if a.whole {
		// numpy's boolean assignment: a value of one element is
		// repeated, else it must have one element per true one.
		n := l.size(sv)
		l.check(or(ir.Bin(ir.Eq, n, a.count), ir.Bin(ir.Eq, n, ir.Int(1))), "ValueError", msgMaskAssign, pos)
		chk := (*l.cur)[len(*l.cur)-1].(*ir.Check)
		chk.Args = []ir.Expr{n, a.count}
		step := l.simple(cv(ir.Bin(ir.Ne, n, ir.Int(1)), ir.Int64), pos)
		if len(sv.shape) == 0 {
			step = ir.Int(0)
		}
		l.walk(a, pos, func(off ir.Expr, res []ir.Expr) {
			v := &ir.Load{Arr: src, Offset: addOff(sv.off, mul(mul(res[0], step), strideOr0(sv)))}
			l.emit(&ir.Store{Arr: a.v.src, Offset: off, Val: l.npCast(v, from, elem, pos), Pos: pos})
		})
		return
	}
	// (typeinfer rejects a value of higher rank than the selection.)
	if ok := broadcastsTo(sv.shape, shape); ok != nil {
		vm, va := shapeFmt(sv.shape)
		dm, da := shapeFmt(shape)
		l.emit(&ir.Check{Cond: ok, Exc: "ValueError", Msg: msgShapeMismach + vm + " could not be broadcast to indexing result of shape " + dm,
			Args: append(va, da...), Pos: pos})
	}
	leaf := &fnode{leaf: true, av: sv, shape: sv.shape, elem: from}
	strides := l.loopStrides([]*fnode{leaf}, shape, pos)[leaf]
	l.walk(a, pos, func(off ir.Expr, res []ir.Expr) {
		v := &ir.Load{Arr: src, Offset: flatOff(sv, res, strides)}
		l.emit(&ir.Store{Arr: a.v.src, Offset: off, Val: l.npCast(v, from, elem, pos), Pos: pos})
	})
}

// strideOr0 is the stride of sv's one axis, 0 for a 0-d value.
func strideOr0(sv aview) ir.Expr {
	if len(sv.strides) == 0 {
		return ir.Int(0)
	}
	return sv.strides[0]
}

// augAdvanced lowers `a[X] op= value`: numpy gathers a[X], applies the
// in-place operator and scatters the result back through the same index
// (evaluated once), so a repeated integer index takes one update.
func (l *fnLowerer) augAdvanced(target *ast.Subscript, s *ast.AugAssign, pos ir.Pos) {
	a := l.advancedOf(target, true)
	t := l.typeOf(target).(*ir.Array)
	g := l.gatherOf(a, t, pos)
	l.fuseAug(g, target, s, pos)
	l.scatter(a, g, pos)
}

// keepDims lowers a reduction with keepdims=True (typeinfer gives it the
// operand's rank, which no other reduction has): the reduction without
// it, then the reduced axes put back with extent 1 as a view (axis=k) or
// a fresh array of ones' shape (every axis). nil when e is not one.
func (l *fnLowerer) keepDims(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array) *ir.Var {
	if ci.Name == "cumsum" || ci.Name == "cumprod" {
		return nil
	}
	operand := l.reduceOperand(ci)
	if operand == nil {
		return nil
	}
	if a, ok := l.typeOf(operand).(*ir.Array); !ok || a.Rank != t.Rank {
		return nil
	}
	pos := l.pos(e)
	if ci.Axis < 0 {
		x := l.simple(l.reduction(e, ci), pos)
		ones := make([]ir.Expr, t.Rank)
		for k := range ones {
			ones[k] = ir.Int(1)
		}
		v := l.temp(t)
		l.emit(&ir.Alloc{Dst: v, Shape: ones, Pos: pos})
		l.emit(&ir.Store{Arr: v, Offset: ir.Int(0), Val: convert(x, t.Elem), Pos: pos})
		return v
	}
	r := wholeView(l.reduceAxis(e, ci, &ir.Array{Elem: t.Elem, Rank: t.Rank - 1, Contig: true}))
	av := aview{src: r.src, off: r.off}
	for k := 0; k < t.Rank; k++ {
		switch {
		case k == ci.Axis:
			// Any stride does for an extent of 1; the unit one keeps a
			// last axis contiguous.
			av.shape, av.strides = append(av.shape, ir.Int(1)), append(av.strides, ir.Int(1))
		case k < ci.Axis:
			av.shape, av.strides = append(av.shape, r.shape[k]), append(av.strides, r.strides[k])
		default:
			av.shape, av.strides = append(av.shape, r.shape[k-1]), append(av.strides, r.strides[k-1])
		}
	}
	return l.materialize(av, t, pos)
}

// take lowers np.take(a, idx, axis=k) / a.take(...): a[:, ..., idx] with
// idx on axis k (typeinfer set ci.Axis; 1-d a without axis= is axis 0).
func (l *fnLowerer) take(_ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	arr, idx := ci.Recv, ci.Args[0]
	if arr == nil {
		arr, idx = ci.Args[0], ci.Args[1]
	}
	a := &advanced{v: l.viewOf(arr), p: ci.Axis, cov: 1, axis: ci.Axis}
	a.idx = l.viewOf(idx)
	// numpy's take refuses an empty axis before its bounds checks, which
	// it makes only for the elements it copies.
	l.check(or(ir.Bin(ir.Ne, a.v.shape[a.p], ir.Int(0)), ir.Bin(ir.Eq, l.size(aview{shape: a.resultShape()}), ir.Int(0))),
		"IndexError", msgTakeEmpty, pos)
	return l.gatherOf(a, t, pos)
}

// truePositions walks the nonzero elements of the array x in C order
// (np.nonzero and its kin): a first pass counts them, then each calls
// body with its index and its rank j among them.
type truePositions struct {
	root    *fnode
	strides map[*fnode][]ir.Expr
	count   ir.Expr
}

// positionsOf evaluates x's operands and counts its nonzero elements.
func (l *fnLowerer) positionsOf(x ast.Expr, pos ir.Pos) *truePositions {
	root := l.fuseTree(x, pos)
	tp := &truePositions{root: root, strides: l.loopStrides(leaves(root, nil), root.shape, pos)}
	c := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: c, Src: ir.Int(0), Pos: pos})
	l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
		v := cv(truth(l.elemValue(root, tp.strides, ivs)), ir.Int64)
		l.emit(&ir.Assign{Dst: c, Src: ir.Bin(ir.Add, ir.Ref(c), v), Pos: pos})
	})
	tp.count = ir.Ref(c)
	return tp
}

// each runs body for every nonzero element.
func (l *fnLowerer) each(tp *truePositions, pos ir.Pos, body func(ivs []ir.Expr, j ir.Expr)) {
	j := l.temp(ir.Int64)
	l.emit(&ir.Assign{Dst: j, Src: ir.Int(0), Pos: pos})
	l.loopNest(tp.root.shape, pos, func(ivs []ir.Expr) {
		m := truth(l.elemValue(tp.root, tp.strides, ivs))
		then := l.block(func() {
			body(ivs, ir.Ref(j))
			l.emit(&ir.Assign{Dst: j, Src: ir.Bin(ir.Add, ir.Ref(j), ir.Int(1)), Pos: pos})
		})
		l.emit(&ir.If{Cond: m, Then: &ir.Block{Stmts: then}, Pos: pos})
	})
}

// nonzeroOperand is the array np.nonzero & co. search.
func nonzeroOperand(ci *typeinfer.CallInfo) ast.Expr {
	if ci.Recv != nil {
		return ci.Recv
	}
	return ci.Args[0]
}

// nonzero lowers np.nonzero(x) / x.nonzero(): one int64 array per axis.
func (l *fnLowerer) nonzero(_ *ast.Call, ci *typeinfer.CallInfo, pos ir.Pos) []ir.Expr {
	tp := l.positionsOf(nonzeroOperand(ci), pos)
	outs := make([]*ir.Var, len(tp.root.shape))
	vals := make([]ir.Expr, len(outs))
	for k := range outs {
		outs[k] = l.temp(&ir.Array{Elem: ir.Int64, Rank: 1, Contig: true})
		l.emit(&ir.Alloc{Dst: outs[k], Shape: []ir.Expr{tp.count}, Pos: pos})
		vals[k] = ir.Ref(outs[k])
	}
	l.each(tp, pos, func(ivs []ir.Expr, j ir.Expr) {
		for k, o := range outs {
			l.emit(&ir.Store{Arr: o, Offset: flatOff(wholeView(o), []ir.Expr{j}, nil), Val: ivs[k], Pos: pos})
		}
	})
	return vals
}

// flatnonzero lowers np.flatnonzero(x): the C-order positions.
func (l *fnLowerer) flatnonzero(_ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	tp := l.positionsOf(nonzeroOperand(ci), pos)
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: []ir.Expr{tp.count}, Pos: pos})
	l.each(tp, pos, func(ivs []ir.Expr, j ir.Expr) {
		var flat ir.Expr = ir.Int(0)
		for k, iv := range ivs {
			flat = addOff(mul(flat, tp.root.shape[k]), iv)
		}
		l.emit(&ir.Store{Arr: out, Offset: flatOff(wholeView(out), []ir.Expr{j}, nil), Val: flat, Pos: pos})
	})
	return out
}

// argwhere lowers np.argwhere(x): the positions as rows.
func (l *fnLowerer) argwhere(_ *ast.Call, ci *typeinfer.CallInfo, t *ir.Array, pos ir.Pos) *ir.Var {
	tp := l.positionsOf(nonzeroOperand(ci), pos)
	out := l.temp(t)
	rank := int64(len(tp.root.shape))
	l.emit(&ir.Alloc{Dst: out, Shape: []ir.Expr{tp.count, ir.Int(rank)}, Pos: pos})
	l.each(tp, pos, func(ivs []ir.Expr, j ir.Expr) {
		for k, iv := range ivs {
			l.emit(&ir.Store{Arr: out, Offset: flatOff(wholeView(out), []ir.Expr{j, ir.Int(int64(k))}, nil), Val: iv, Pos: pos})
		}
	})
	return out
}

// isArrayType reports whether t is an array type.
func isArrayType(t ir.Type) bool {
	_, ok := t.(*ir.Array)
	return ok
}
