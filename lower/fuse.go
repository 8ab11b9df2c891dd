package lower

import (
	"math"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Fused elementwise expressions.
//
// An array expression (operators, comparisons and ufuncs over arrays and
// scalars, with numpy broadcasting) becomes ONE loop nest over the
// broadcast result shape, whatever the depth of the tree: numpy's
// temporaries never exist. Lowering runs in three steps:
//
//  1. fuseTree walks the tree left to right, lowering each array leaf to an
//     aview (no View statement unless needed) and each scalar operand to a
//     simple value before the loop, in Python's evaluation order;
//  2. each interior node's shape is computed from its operands' shapes with
//     numpy's broadcasting rule, with a run-time check raising numpy's
//     ValueError("operands could not be broadcast together with shapes
//     (3,) (4,) ") where two extents may differ;
//  3. the loop body lowers the same AST again in element mode: each leaf
//     reads as a Load at the current index (stride 0 on a broadcast axis),
//     typeOf answers the element type, and arithmetic follows numpy
//     (no ZeroDivisionError; int // 0 and % 0 give 0; int / int is float64).
//
// Stores into an existing array (a[...] = e, a[1:-1] = e, a += e) follow
// numpy's rule that the right side behaves as if evaluated before the
// store. A source reading the destination's own view (u[1:-1] in
// u[1:-1] = u[1:-1] + ...) is safe elementwise; any other source of the
// same element type may overlap (a shifted view, or another parameter the
// caller aliased), so lower emits a run-time test (the "overlaps"
// intrinsic) choosing between the direct loop and a loop into a temporary
// followed by a copy. Arrays of different element types never share data.

// fnode is one node of a fused expression tree.
type fnode struct {
	e      ast.Expr
	scalar ir.Expr // a scalar operand, evaluated before the loop
	leaf   bool    // an array operand read through av
	av     aview
	kids   []*fnode
	shape  []ir.Expr // simple extents (nil for a scalar)
	elem   ir.Scalar
}

// isElementwise reports whether e is an array expression fusion computes
// elementwise (rather than an array value it reads).
func (l *fnLowerer) isElementwise(e ast.Expr) bool {
	if !l.isArrayExpr(e) {
		return false
	}
	if _, _, _, ok := l.productCall(e); ok {
		return false
	}
	switch x := e.(type) {
	case *ast.BinOp, *ast.UnaryOp:
		return true
	case *ast.Compare:
		return len(x.Ops) == 1
	case *ast.Call:
		return isElemCall(l.info.Calls[x])
	case *ast.Attribute:
		return l.isPart(x)
	}
	return false
}

// isPart reports whether e is a.real of a complex array or a.imag of any
// array: computed elementwise (a.real of a real array is a itself).
func (l *fnLowerer) isPart(e *ast.Attribute) bool {
	ai := l.info.Attrs[e]
	if ai == nil || ai.Kind != typeinfer.AttrReal && ai.Kind != typeinfer.AttrImag {
		return false
	}
	a, ok := l.info.Types[e.Value].(*ir.Array)
	return ok && (ai.Kind == typeinfer.AttrImag || a.Elem.IsComplex())
}

// fuseTree lowers the operands of the array expression e (step 1 and 2).
func (l *fnLowerer) fuseTree(e ast.Expr, pos ir.Pos) *fnode {
	n := &fnode{e: e}
	if v, ok := l.presetLeaf[e]; ok {
		n.leaf, n.av = true, wholeView(v)
		n.shape, n.elem = n.av.shape, v.Type.(*ir.Array).Elem
		return n
	}
	if !l.isArrayExpr(e) {
		v := l.expr(e)
		n.scalar = l.simple(v, pos)
		n.elem = l.scalarOf(e)
		l.valueGuards(e, n.scalar, n.elem, pos)
		return n
	}
	n.elem = l.typeOf(e).(*ir.Array).Elem
	if !l.isElementwise(e) {
		n.leaf, n.av = true, l.viewOf(e)
		n.shape = n.av.shape
		return n
	}
	ops := l.operands(e)
	for i, k := range ops {
		kid := l.fuseTree(k, pos)
		if !kid.leaf && kid.scalar == nil && l.callFollows(ops[i+1:]) {
			// A later operand calls a module function, which may store
			// into the arrays this one reads: Python computed this
			// operand (a temporary array) before the call, so compute
			// it now. A plain array or view is a reference in Python
			// too: reading it later sees the call's stores, as there.
			t := &ir.Array{Elem: kid.elem, Rank: len(kid.shape)}
			v := l.temp(t)
			l.emit(&ir.Alloc{Dst: v, Shape: kid.shape, Pos: pos})
			l.storeLoopShape(v, kid, kid.shape, pos)
			kid = &fnode{e: k, leaf: true, av: wholeView(v), shape: wholeView(v).shape, elem: kid.elem}
		}
		n.kids = append(n.kids, kid)
	}
	if e == l.augOut && l.augOut != nil {
		// The in-place ufunc's message lists its output operand too.
		n.shape = l.broadcastOut(n.kids, n.kids[0].shape, pos)
		return n
	}
	n.shape = l.broadcast(n.kids, pos)
	return n
}

// valueGuards checks the run-time scalar operand x (of kind k) of an
// array operation against the ranges in which numpy 1.24 gives the dtype
// typeinfer compiled (value-based casting), raising a ValueError that
// says so outside them.
func (l *fnLowerer) valueGuards(e ast.Expr, x ir.Expr, k ir.Scalar, pos ir.Pos) {
	for _, g := range l.info.ValueGuards[e] {
		var ok ir.Expr
		if g.Int {
			i := cv(x, ir.Int64)
			ok = ir.Bin(ir.Le, i, ir.Int(g.Hi))
			if g.Lo > math.MinInt64 {
				ok = and(ir.Bin(ir.Ge, i, ir.Int(g.Lo)), ok)
			}
		} else {
			f := cv(x, ir.Float64)
			ok = or(ir.Bin(ir.Lt, intr("abs", ir.Float64, f), ir.Float(g.MaxAbs)), not(intr("isfinite", ir.Bool, f)))
		}
		l.check(ok, "ValueError", g.Message(), pos)
	}
}

// operands lists the operand expressions of an elementwise node, in
// evaluation order.
func (l *fnLowerer) operands(e ast.Expr) []ast.Expr {
	switch x := e.(type) {
	case *ast.BinOp:
		return []ast.Expr{x.Left, x.Right}
	case *ast.UnaryOp:
		return []ast.Expr{x.Operand}
	case *ast.Attribute:
		return []ast.Expr{x.Value}
	case *ast.Compare:
		return []ast.Expr{x.Left, x.Comparators[0]}
	case *ast.Call:
		ci := l.info.Calls[x]
		for k := range ci.Kwargs {
			if k != "decimals" {
				l.errorf(e, "unsupported: keyword argument %s= of np.%s", k, ci.Name)
			}
		}
		return ci.Args
	}
	l.errorf(e, "internal: operands of %T", e)
	return nil
}

// broadcast returns the broadcast shape of the operands, emitting numpy's
// run-time check where extents may differ.
func (l *fnLowerer) broadcast(kids []*fnode, pos ir.Pos) []ir.Expr {
	return l.broadcastOut(kids, nil, pos)
}

// broadcastOut is broadcast for an in-place ufunc whose output operand
// (out, non-nil) numpy lists after the inputs in the message.
func (l *fnLowerer) broadcastOut(kids []*fnode, out []ir.Expr, pos ir.Pos) []ir.Expr {
	rank := 0
	for _, k := range kids {
		rank = max(rank, len(k.shape))
	}
	shape := make([]ir.Expr, rank)
	var ok ir.Expr
	for ax := 0; ax < rank; ax++ {
		var ext []ir.Expr
		for _, k := range kids {
			if j := ax - (rank - len(k.shape)); j >= 0 {
				ext = append(ext, k.shape[j])
			}
		}
		ext = uniqueExprs(ext)
		if len(ext) == 1 {
			shape[ax] = ext[0]
			continue
		}
		t := l.temp(ir.Int64)
		l.emit(&ir.Assign{Dst: t, Src: ext[0], Pos: pos})
		for _, x := range ext[1:] {
			// t = x unless x == 1
			l.emit(&ir.Assign{Dst: t, Src: ir.Bin(ir.Add, x, mul(ir.Bin(ir.Sub, ir.Ref(t), x), cv(ir.Bin(ir.Eq, x, ir.Int(1)), ir.Int64))), Pos: pos})
		}
		shape[ax] = ir.Ref(t)
		for _, x := range ext {
			c := or(ir.Bin(ir.Eq, x, ir.Ref(t)), ir.Bin(ir.Eq, x, ir.Int(1)))
			if ok == nil {
				ok = c
			} else {
				ok = and(ok, c)
			}
		}
	}
	if ok != nil {
		msg := msgBroadcast
		var args []ir.Expr
		add := func(shape []ir.Expr) {
			m, a := shapeFmt(shape)
			msg += " " + m
			args = append(args, a...)
		}
		for _, k := range kids {
			add(k.shape)
		}
		if out != nil {
			add(out)
		}
		l.emit(&ir.Check{Cond: ok, Exc: "ValueError", Msg: msg + " ", Args: args, Pos: pos})
	}
	return shape
}

// shapeFmt spells a shape as numpy's messages do, "(3,4)", "(3,)" or
// "()", with a %d verb per extent; it returns the fragment and its
// arguments.
func shapeFmt(shape []ir.Expr) (string, []ir.Expr) {
	switch len(shape) {
	case 0:
		return "()", nil
	case 1:
		return "(%d,)", []ir.Expr{shape[0]}
	}
	return "(" + strings.TrimSuffix(strings.Repeat("%d,", len(shape)), ",") + ")", append([]ir.Expr(nil), shape...)
}

func leaves(n *fnode, out []*fnode) []*fnode {
	if n.leaf {
		return append(out, n)
	}
	for _, k := range n.kids {
		out = leaves(k, out)
	}
	return out
}

// loopStrides returns, per leaf, the strides to read it with inside a loop
// nest over shape: a leaf axis that may be a broadcast size-1 axis gets
// stride * (extent != 1), computed once before the loop.
func (l *fnLowerer) loopStrides(ls []*fnode, shape []ir.Expr, pos ir.Pos) map[*fnode][]ir.Expr {
	m := map[*fnode][]ir.Expr{}
	var done []ir.Expr // masked strides made so far, to reuse for repeated leaves
	var made []ir.Expr
	for _, lf := range ls {
		st := make([]ir.Expr, len(lf.av.strides))
		for j := range st {
			k := j + len(shape) - len(lf.av.shape)
			if ir.SameExpr(lf.av.shape[j], shape[k]) {
				st[j] = lf.av.strides[j]
				continue
			}
			masked := mul(lf.av.strides[j], cv(ir.Bin(ir.Ne, lf.av.shape[j], ir.Int(1)), ir.Int64))
			for i, d := range done {
				if ir.SameExpr(d, masked) {
					st[j] = made[i]
				}
			}
			if st[j] == nil {
				st[j] = l.spill(masked, pos)
				done, made = append(done, masked), append(made, st[j])
			}
		}
		m[lf] = st
	}
	return m
}

// elemValue lowers the tree's element at the induction variables ivs
// (step 3), in the current block (the innermost loop body).
func (l *fnLowerer) elemValue(root *fnode, strides map[*fnode][]ir.Expr, ivs []ir.Expr) ir.Expr {
	saved, savedNp := l.elem, l.npMode
	l.elem = map[ast.Expr]ir.Expr{}
	l.npMode = true
	defer func() { l.elem, l.npMode = saved, savedNp }()
	var fill func(n *fnode)
	fill = func(n *fnode) {
		switch {
		case n.scalar != nil:
			l.elem[n.e] = n.scalar
		case n.leaf:
			l.elem[n.e] = &ir.Load{Arr: n.av.src, Offset: flatOff(n.av, ivs, strides[n])}
		}
		for _, k := range n.kids {
			fill(k)
		}
	}
	fill(root)
	return l.expr(root.e)
}

// fuseAssign lowers `dst = e` for an elementwise e: a fresh array of the
// broadcast shape, filled by one loop nest. When e reads dst itself, the
// result goes to a temporary first (Alloc would replace dst's array before
// the loop reads it).
func (l *fnLowerer) fuseAssign(dst *ir.Var, e ast.Expr, pos ir.Pos) {
	root := l.fuseTree(e, pos)
	if len(root.shape) != dst.Type.(*ir.Array).Rank {
		l.errorf(e, "internal: rank of %s differs from its value's", dst.Name)
	}
	out := dst
	for _, lf := range leaves(root, nil) {
		if lf.av.src == dst {
			out = l.temp(dst.Type)
			break
		}
	}
	l.emit(&ir.Alloc{Dst: out, Shape: root.shape, Pos: pos})
	l.storeLoopShape(out, root, root.shape, pos)
	if out != dst {
		l.emit(&ir.Assign{Dst: dst, Src: ir.Ref(out), Pos: pos})
	}
}

// storeLoop stores the tree's elements into dst, whose shape is the loop
// shape (the tree's shape broadcasts to it).
func (l *fnLowerer) storeLoop(dst *ir.Var, root *fnode, pos ir.Pos) {
	l.storeLoopShape(dst, root, wholeView(dst).shape, pos)
}

// storeLoopShape is storeLoop with the loop shape given (dst's shape, in
// the form that lets loopStrides see which leaves cannot broadcast: the
// tree's own shape for a fresh dst).
func (l *fnLowerer) storeLoopShape(dst *ir.Var, root *fnode, shape []ir.Expr, pos ir.Pos) {
	dv := wholeView(dst)
	elem := dst.Type.(*ir.Array).Elem
	strides := l.loopStrides(leaves(root, nil), shape, pos)
	l.loopNest(shape, pos, func(ivs []ir.Expr) {
		v := l.elemValue(root, strides, ivs)
		from, _ := v.Type().(ir.Scalar)
		l.emit(&ir.Store{Arr: dst, Offset: flatOff(dv, ivs, nil), Val: l.npCast(v, from, elem, pos), Pos: pos})
	})
}

// fuseStore lowers an elementwise store of value into the existing array
// dst (a view): a[...] = e, a[1:-1] = e, and, through fuseAug, a op= e.
// root is the already built tree when non-nil; value is nil for a op= e.
func (l *fnLowerer) fuseStore(dst *ir.Var, value ast.Expr, root *fnode, pos ir.Pos) {
	aug := value == nil // a[...] op= v hands its tree over without the value
	if root == nil {
		root = l.fuseTree(value, pos)
	}
	dv := wholeView(dst)
	if len(root.shape) > len(dv.shape) {
		l.errorf(value, "could not broadcast a rank-%d value into a rank-%d array", len(root.shape), len(dv.shape))
	}
	// The value must broadcast to the destination's shape.
	if ok := broadcastsTo(root.shape, dv.shape); ok != nil {
		vm, va := shapeFmt(root.shape)
		dm, da := shapeFmt(dv.shape)
		msg := "could not broadcast input array from shape " + vm + " into shape " + dm
		if aug {
			msg = "non-broadcastable output operand with shape " + dm + " doesn't match the broadcast shape " + vm
			va, da = da, va
		}
		l.emit(&ir.Check{Cond: ok, Exc: "ValueError", Msg: msg, Args: append(va, da...), Pos: pos})
	}

	// Sources that may overlap the destination.
	elem := dst.Type.(*ir.Array).Elem
	var overlap ir.Expr
	for _, lf := range leaves(root, nil) {
		if lf.av.src.Type.(*ir.Array).Elem != elem {
			continue // different Go element types never share data
		}
		if lf.av.src == dst && lf.av.isWhole() {
			continue // the destination's own view: safe elementwise
		}
		sv := l.materialize(lf.av, &ir.Array{Elem: elem, Rank: len(lf.av.shape)}, pos)
		c := intr("overlaps", ir.Bool, ir.Ref(dst), ir.Ref(sv))
		if overlap == nil {
			overlap = c
		} else {
			overlap = or(overlap, c)
		}
	}
	if overlap == nil {
		l.storeLoop(dst, root, pos)
		return
	}
	viaTemp := l.block(func() {
		tmp := l.temp(&ir.Array{Elem: elem, Rank: len(dv.shape)})
		l.emit(&ir.Alloc{Dst: tmp, Shape: dv.shape, Pos: pos})
		l.storeLoop(tmp, root, pos)
		tv := wholeView(tmp)
		l.loopNest(dv.shape, pos, func(ivs []ir.Expr) {
			l.emit(&ir.Store{Arr: dst, Offset: flatOff(dv, ivs, nil), Val: &ir.Load{Arr: tmp, Offset: flatOff(tv, ivs, nil)}, Pos: pos})
		})
	})
	direct := l.block(func() { l.storeLoop(dst, root, pos) })
	l.emit(&ir.If{Cond: overlap, Then: &ir.Block{Stmts: viaTemp}, Else: &ir.Block{Stmts: direct}, Pos: pos})
}

// fuseAug lowers `target op= value` on an array (a name or a view held by
// dst): numpy's in-place ufunc, target = target op value computed in the
// promoted type and cast back to the target's element type. A Python
// scalar value takes the array's type (numpy 1.24 value-based casting:
// float32 array += 0.1 adds float32(0.1)).
func (l *fnLowerer) fuseAug(dst *ir.Var, target ast.Expr, s *ast.AugAssign, pos ir.Pos) {
	a := dst.Type.(*ir.Array)
	var res ir.Scalar
	rank := a.Rank
	switch vt := l.typeOf(s.Value).(type) {
	case ir.Scalar:
		res = arithResult(s.Op, a.Elem, vt, nil)
		if kindRank(vt) <= kindRank(a.Elem) && (vt == ir.Bool || vt == ir.Int64 || vt == ir.Float64 || vt == ir.Complex128) {
			res = arithResult(s.Op, a.Elem, a.Elem, nil)
		}
	case *ir.Array:
		res = arithResult(s.Op, a.Elem, vt.Elem, nil)
		rank = max(rank, vt.Rank)
	}
	syn := &ast.BinOp{Left: target, Op: s.Op, Right: s.Value}
	syn.Lineno, syn.ColOffset = s.Lineno, s.ColOffset
	if l.extraTypes == nil {
		l.extraTypes = map[ast.Expr]ir.Type{}
	}
	if l.presetLeaf == nil {
		l.presetLeaf = map[ast.Expr]*ir.Var{}
	}
	l.extraTypes[syn] = &ir.Array{Elem: res, Rank: rank}
	l.presetLeaf[target] = dst
	defer delete(l.presetLeaf, target)
	l.augOut = syn
	root := l.fuseTree(syn, pos)
	l.fuseStore(dst, nil, root, pos)
}

// broadcastsTo is the run-time condition for a value of shape src to
// broadcast to shape dst (no wider), nil when it holds statically.
func broadcastsTo(src, dst []ir.Expr) ir.Expr {
	var ok ir.Expr
	for j, x := range src {
		d := dst[j+len(dst)-len(src)]
		if ir.SameExpr(x, d) {
			continue
		}
		c := or(ir.Bin(ir.Eq, x, d), ir.Bin(ir.Eq, x, ir.Int(1)))
		if ok == nil {
			ok = c
		} else {
			ok = and(ok, c)
		}
	}
	return ok
}

// kindRank orders scalar kinds for value-based casting.
func kindRank(t ir.Scalar) int {
	switch {
	case t == ir.Bool:
		return 0
	case t.IsInt():
		return 1
	case t.IsFloat():
		return 2
	}
	return 3
}

// uniqueExprs drops repeated expressions (ir.SameExpr), keeping the first.
func uniqueExprs(es []ir.Expr) []ir.Expr {
	var out []ir.Expr
	for _, e := range es {
		dup := false
		for _, o := range out {
			dup = dup || ir.SameExpr(o, e)
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// pow10 is 10**d for 0 <= d as a float64 (exact up to 10**22, as numpy's
// power of ten for round).
func pow10(d int64) float64 {
	f := 1.0
	for i := int64(0); i < d; i++ {
		f *= 10
	}
	return f
}

// callFollows reports whether any of es calls a module function.
func (l *fnLowerer) callFollows(es []ast.Expr) bool {
	found := false
	for _, e := range es {
		ast.Walk(e, func(n ast.Ast) bool {
			if c, ok := n.(*ast.Call); ok {
				if ci := l.info.Calls[c]; ci != nil && ci.Kind == typeinfer.CallFunc {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
