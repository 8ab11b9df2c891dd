package lower

import (
	"math"

	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Reductions over all elements (axis=None).
//
// np.sum and np.mean of floats must match numpy's pairwise summation bit
// for bit, so they go through the np_sum / np_mean intrinsics
// (runtime.SumFloat, MeanFloat) on an array: the operand's own array when
// it is one, else a temporary holding the evaluated expression — exactness
// beats fusion here, numpy sums the materialised temporary in exactly that
// order. Every other reduction is order-independent or sequential in
// numpy (integer and bool sums wrap exactly in any order, prod, min, max,
// argmin, argmax, any, all) and fuses into one loop nest over the
// expression's broadcast shape with an accumulator.

// variance lowers np.var / np.std (axis=None) as numpy 1.24's _var does:
// the mean is the pairwise sum over the count, the squared deviations are
// materialised and pairwise-summed, divided by max(n - ddof, 0); std is
// its square root. Integer arrays are computed in float64.
func (l *fnLowerer) variance(e *ast.Call, ci *typeinfer.CallInfo, operand ast.Expr, res ir.Scalar, pos ir.Pos) ir.Expr {
	at := l.typeOf(operand).(*ir.Array)
	ft := at.Elem
	if !ft.IsFloat() {
		if ft.IsComplex() {
			l.errorf(e, "unsupported: %s of a complex array", ci.Name)
		}
		ft = ir.Float64
	}
	ddof := ir.Expr(zero(ft))
	if x := ci.Kwargs["ddof"]; x != nil {
		ddof = l.simple(cv(l.expr(x), ft), pos)
	}
	root := l.fuseTree(operand, pos)
	src := l.temp(&ir.Array{Elem: ft, Rank: len(root.shape)})
	l.emit(&ir.Alloc{Dst: src, Shape: root.shape, Pos: pos})
	l.storeLoopShape(src, root, root.shape, pos)
	mean := l.spill(intr("np_mean", ft, ir.Ref(src)), pos)
	dev := l.temp(src.Type)
	sv := wholeView(src)
	l.emit(&ir.Alloc{Dst: dev, Shape: sv.shape, Pos: pos})
	dv := wholeView(dev)
	l.loopNest(sv.shape, pos, func(ivs []ir.Expr) {
		d := l.spill(ir.Bin(ir.Sub, &ir.Load{Arr: src, Offset: flatOff(sv, ivs, nil)}, mean), pos)
		l.emit(&ir.Store{Arr: dev, Offset: flatOff(dv, ivs, nil), Val: ir.Bin(ir.Mul, d, d), Pos: pos})
	})
	n := cv(l.size(sv), ft)
	den := l.spill(intr("max", ft, ir.Bin(ir.Sub, n, ddof), zero(ft)), pos)
	v := ir.Expr(ir.Bin(ir.Div, intr("np_sum", ft, ir.Ref(dev)), den))
	if ci.Name == "std" {
		v = intr("sqrt", ft, v)
	}
	return cv(v, res)
}

// sumTemp evaluates the array expression operand into a fresh array of
// element type elem for np_sum / np_mean / np_sum_axis to sum. numpy sums
// the ufunc output it allocated in K order (its operands' memory layout:
// m.T * 2.0 is F-ordered) in its iterator order, so the temporary is laid
// out the same way (np_zeros_k) when the layout is known to follow numpy's:
// the top-level operation has at most two operands holding arrays and each
// holds one array leaf, through any chain of one-array operations (an
// intermediate of such a chain has its leaf's axis order, so the leaf's
// strides order the axes as the intermediate's would). Any other tree
// (three array operands, or an operand combining two arrays, whose own
// K-ordered intermediate we do not model) keeps a C-ordered temporary,
// a documented gap; rank 1 has one order.
func (l *fnLowerer) sumTemp(operand ast.Expr, elem ir.Scalar, pos ir.Pos) *ir.Var {
	at, _ := arrayType(l.typeOf(operand))
	t := &ir.Array{Elem: elem, Rank: at.Rank}
	if l.isElementwise(operand) {
		pos = l.pos(operand) // where arrayVar put the temporary
		t.Contig = at.Contig
	}
	v := l.temp(t)
	root := l.fuseTree(operand, pos)
	var ops []*fnode
	ok := len(root.shape) >= 2
	if root.leaf {
		// an integer view cast for np.mean: numpy casts it in K order
		ops = append(ops, root)
	}
	for _, k := range root.kids {
		switch ls := leaves(k, nil); len(ls) {
		case 0:
		case 1:
			ops = append(ops, ls[0])
		default:
			ok = false
		}
	}
	if ok && (len(ops) == 1 || len(ops) == 2) {
		var xs []ir.Expr
		for _, lf := range ops {
			lt := &ir.Array{Elem: lf.av.src.Type.(*ir.Array).Elem, Rank: len(lf.av.shape)}
			xs = append(xs, ir.Ref(l.materialize(lf.av, lt, pos)))
		}
		if len(xs) == 1 {
			xs = append(xs, xs[0])
		}
		// not C-contiguous in general: no flat access to it
		t = &ir.Array{Elem: elem, Rank: t.Rank}
		v.Type = t
		l.emit(&ir.Assign{Dst: v, Src: intr("np_zeros_k", t, xs...), Pos: pos})
	} else {
		l.emit(&ir.Alloc{Dst: v, Shape: root.shape, Pos: pos})
	}
	l.storeLoopShape(v, root, root.shape, pos)
	return v
}

// reduction lowers a scalar-valued reduction call; nil when e is not one.
func (l *fnLowerer) reduction(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	if ci.Row == nil || ci.Row.Kind != numpy.Reduction || ci.Name == "cumsum" || ci.Name == "cumprod" {
		return nil
	}
	operand := l.reduceOperand(ci)
	if operand == nil {
		return nil
	}
	if ci.Axis >= 0 {
		l.errorf(e, "internal: reduction with axis=%d typed as a scalar", ci.Axis)
	}
	for k := range ci.Kwargs {
		if !ci.Row.Accepted(k) {
			l.errorf(e, "internal: %s= of %s()", k, ci.Name)
		}
	}
	pos := l.pos(e)
	var res ir.Scalar
	if a, ok := l.typeOf(e).(*ir.Array); ok {
		res = a.Elem // keepdims=True of every axis (mask.go's keepDims)
	} else {
		res = l.scalarOf(e)
	}
	at := l.typeOf(operand).(*ir.Array)
	name := ci.Name
	if name == "std" || name == "var" {
		return l.variance(e, ci, operand, res, pos)
	}
	if (name == "sum" || name == "mean") && (at.Elem.IsFloat() || at.Elem.IsComplex()) || name == "mean" {
		if name == "mean" && at.Elem.IsComplex() {
			l.errorf(e, "unsupported: mean of a complex array")
		}
		var v *ir.Var
		if name == "mean" && !at.Elem.IsFloat() {
			// numpy's mean of integers sums float64 conversions (in its
			// 8192-element buffers, which SumFloat reproduces).
			v = l.sumTemp(operand, ir.Float64, pos)
		} else if l.isElementwise(operand) {
			v = l.sumTemp(operand, at.Elem, pos)
		} else {
			v = l.arrayVar(operand)
		}
		fn := "np_sum"
		if name == "mean" {
			fn = "np_mean"
		}
		return cv(intr(fn, v.Type.(*ir.Array).Elem, ir.Ref(v)), res)
	}

	if name == "prod" && (at.Elem.IsFloat() || at.Elem.IsComplex()) && at.Rank >= 2 && l.isViewExpr(operand) {
		// A float product's rounding depends on the order, and numpy
		// multiplies a view in its iterator's order (axes by decreasing
		// |stride|), known only at run time: runtime.ProdFloat. A 1-d
		// view is walked in index order, as the loop below does; the
		// product of an expression multiplies numpy's C-ordered temporary
		// for C-ordered operands, as the fused loop does.
		fn := "np_prod"
		if at.Elem.IsComplex() {
			fn = "np_cprod"
		}
		return cv(intr(fn, at.Elem, ir.Ref(l.arrayVar(operand))), res)
	}
	root := l.fuseTree(operand, pos)
	if len(root.shape) == 0 {
		l.errorf(e, "internal: reduction of a rank-0 value")
	}
	strides := l.loopStrides(leaves(root, nil), root.shape, pos)
	var size ir.Expr = ir.Int(1)
	for _, n := range root.shape {
		size = mul(size, n)
	}
	acc := l.temp(res)
	switch name {
	case "sum":
		l.emit(&ir.Assign{Dst: acc, Src: addUnit(res), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.elemValue(root, strides, ivs)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Add, ir.Ref(acc), convert(v, res)), Pos: pos})
		})
	case "prod":
		l.emit(&ir.Assign{Dst: acc, Src: cv(ir.Int(1), res), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.elemValue(root, strides, ivs)
			l.emit(&ir.Assign{Dst: acc, Src: prodStep(ir.Ref(acc), convert(v, res)), Pos: pos})
		})
	case "count_nonzero":
		l.emit(&ir.Assign{Dst: acc, Src: ir.Int(0), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := cv(truth(l.elemValue(root, strides, ivs)), ir.Int64)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Add, ir.Ref(acc), v), Pos: pos})
		})
	case "any", "all":
		l.emit(&ir.Assign{Dst: acc, Src: ir.BoolConst(name == "all"), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := truth(l.elemValue(root, strides, ivs))
			if name == "any" {
				v = or(ir.Ref(acc), v)
			} else {
				v = and(ir.Ref(acc), v)
			}
			l.emit(&ir.Assign{Dst: acc, Src: v, Pos: pos})
		})
	case "min", "max", "argmin", "argmax":
		l.check(ir.Bin(ir.Gt, size, ir.Int(0)), "ValueError", ci.Row.Raise("ValueError"), pos)
		et := root.elem
		if name == "min" || name == "max" {
			et = res
		}
		best := acc
		var idx, k *ir.Var
		if name == "argmin" || name == "argmax" {
			best = l.temp(et)
			idx, k = l.temp(ir.Int64), l.temp(ir.Int64)
			l.emit(&ir.Assign{Dst: idx, Src: ir.Int(0), Pos: pos})
			l.emit(&ir.Assign{Dst: k, Src: ir.Int(0), Pos: pos})
		}
		zeros := make([]ir.Expr, len(root.shape))
		for i := range zeros {
			zeros[i] = ir.Int(0)
		}
		l.emit(&ir.Assign{Dst: best, Src: convert(l.elemValue(root, strides, zeros), et), Pos: pos})
		op := ir.Lt
		if name == "max" || name == "argmax" {
			op = ir.Gt
		}
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.simple(convert(l.elemValue(root, strides, ivs), et), pos)
			// numpy: a NaN wins (min/max return NaN, argmin/argmax the
			// index of the first NaN).
			var better ir.Expr = ir.Bin(op, v, ir.Ref(best))
			if et.IsFloat() {
				better = floatBetter(name, op, v, ir.Ref(best))
			} else if et.IsComplex() {
				l.errorf(e, "unsupported: %s of a complex array", name)
			}
			upd := []ir.Stmt{&ir.Assign{Dst: best, Src: v, Pos: pos}}
			if idx != nil {
				upd = append(upd, &ir.Assign{Dst: idx, Src: ir.Ref(k), Pos: pos})
			}
			l.emit(&ir.If{Cond: better, Then: &ir.Block{Stmts: upd}, Pos: pos})
			if k != nil {
				l.emit(&ir.Assign{Dst: k, Src: ir.Bin(ir.Add, ir.Ref(k), ir.Int(1)), Pos: pos})
			}
		})
		if idx != nil {
			return cv(ir.Ref(idx), res)
		}
	}
	return ir.Ref(acc)
}

// reduceAxis lowers a reduction along one axis (axis=k) and cumsum /
// cumprod, whose results are arrays, into a fresh array of type t.
// Float sum and mean along an axis go through np_sum_axis
// (runtime.SumAxis: numpy's order, pairwise along a contiguous axis); the
// others loop over the result with the reduced axis innermost.
func (l *fnLowerer) reduceAxis(e *ast.Call, ci *typeinfer.CallInfo, t *ir.Array) *ir.Var {
	name := ci.Name
	if ci.Row == nil || ci.Row.Kind != numpy.Reduction {
		return nil
	}
	operand := l.reduceOperand(ci)
	if operand == nil {
		return nil
	}
	for k := range ci.Kwargs {
		if !ci.Row.Accepted(k) {
			l.errorf(e, "internal: %s= of %s()", k, ci.Name)
		}
	}
	pos := l.pos(e)
	at := l.typeOf(operand).(*ir.Array)
	axis := ci.Axis
	if name == "std" || name == "var" {
		return l.varianceAxis(e, ci, operand, t, pos)
	}
	if (name == "sum" || name == "mean") && (at.Elem.IsFloat() || at.Elem.IsComplex()) || name == "mean" {
		if name == "mean" && at.Elem.IsComplex() {
			l.errorf(e, "unsupported: mean of a complex array")
		}
		var src *ir.Var
		switch {
		case !at.Elem.IsFloat() && !at.Elem.IsComplex():
			// numpy's mean of integers sums float64 conversions.
			src = l.sumTemp(operand, ir.Float64, pos)
		case l.isElementwise(operand):
			src = l.sumTemp(operand, at.Elem, pos)
		default:
			src = l.arrayVar(operand)
		}
		v := l.temp(t)
		l.emit(&ir.Assign{Dst: v, Src: intr("np_sum_axis", t, ir.Ref(src), ir.Int(int64(axis))), Pos: pos})
		if name == "mean" {
			n := cv(&ir.Dim{Arr: src, Kind: ir.Shape, Axis: axis}, t.Elem)
			vv := wholeView(v)
			l.loopNest(vv.shape, pos, func(ivs []ir.Expr) {
				off := flatOff(vv, ivs, nil)
				l.emit(&ir.Store{Arr: v, Offset: off, Val: ir.Bin(ir.Div, &ir.Load{Arr: v, Offset: off}, n), Pos: pos})
			})
		}
		return v
	}
	root := l.fuseTree(operand, pos)
	strides := l.loopStrides(leaves(root, nil), root.shape, pos)
	if name == "cumsum" || name == "cumprod" {
		return l.cumulate(root, strides, name, axis, t, pos)
	}
	var outShape []ir.Expr
	for k, n := range root.shape {
		if k != axis {
			outShape = append(outShape, n)
		}
	}
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: outShape, Pos: pos})
	m := root.shape[axis]
	if name == "min" || name == "max" || name == "argmin" || name == "argmax" {
		// numpy raises when the reduced axis is empty, even when the
		// result has no elements.
		l.check(ir.Bin(ir.Gt, m, ir.Int(0)), "ValueError", ci.Row.Raise("ValueError"), pos)
	}
	ov := wholeView(out)
	mv := m
	if _, ok := m.(*ir.Dim); ok {
		mv = l.spill(m, pos)
	}
	l.loopNest(outShape, pos, func(ivs []ir.Expr) {
		full := func(j ir.Expr) []ir.Expr {
			f := append([]ir.Expr{}, ivs[:axis]...)
			f = append(f, j)
			return append(f, ivs[axis:]...)
		}
		et := root.elem
		acc := l.temp(t.Elem)
		var best, idx *ir.Var
		switch name {
		case "sum", "count_nonzero":
			l.emit(&ir.Assign{Dst: acc, Src: addUnit(t.Elem), Pos: pos})
		case "prod":
			l.emit(&ir.Assign{Dst: acc, Src: cv(ir.Int(1), t.Elem), Pos: pos})
		case "any", "all":
			l.emit(&ir.Assign{Dst: acc, Src: ir.BoolConst(name == "all"), Pos: pos})
		default:
			best = acc
			if name == "argmin" || name == "argmax" {
				best, idx = l.temp(et), acc
				l.emit(&ir.Assign{Dst: idx, Src: zero(t.Elem), Pos: pos})
			} else {
				et = t.Elem
			}
			first := l.block(func() {
				l.emit(&ir.Assign{Dst: best, Src: convert(l.elemValue(root, strides, full(ir.Int(0))), et), Pos: pos})
			})
			l.emit(&ir.If{Cond: ir.Bin(ir.Gt, mv, ir.Int(0)), Then: &ir.Block{Stmts: first}, Pos: pos})
		}
		l.loopNest([]ir.Expr{mv}, pos, func(js []ir.Expr) {
			v := l.elemValue(root, strides, full(js[0]))
			switch name {
			case "sum":
				l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Add, ir.Ref(acc), convert(v, t.Elem)), Pos: pos})
			case "count_nonzero":
				l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Add, ir.Ref(acc), cv(truth(v), ir.Int64)), Pos: pos})
			case "prod":
				l.emit(&ir.Assign{Dst: acc, Src: prodStep(ir.Ref(acc), convert(v, t.Elem)), Pos: pos})
			case "any":
				l.emit(&ir.Assign{Dst: acc, Src: or(ir.Ref(acc), truth(v)), Pos: pos})
			case "all":
				l.emit(&ir.Assign{Dst: acc, Src: and(ir.Ref(acc), truth(v)), Pos: pos})
			default:
				if et.IsComplex() {
					l.errorf(e, "unsupported: %s of a complex array", name)
				}
				x := l.simple(convert(v, et), pos)
				op := ir.Lt
				if name == "max" || name == "argmax" {
					op = ir.Gt
				}
				var better ir.Expr = ir.Bin(op, x, ir.Ref(best))
				if et.IsFloat() {
					better = floatBetter(name, op, x, ir.Ref(best))
				}
				upd := []ir.Stmt{&ir.Assign{Dst: best, Src: x, Pos: pos}}
				if idx != nil {
					upd = append(upd, &ir.Assign{Dst: idx, Src: cv(js[0], t.Elem), Pos: pos})
				}
				l.emit(&ir.If{Cond: better, Then: &ir.Block{Stmts: upd}, Pos: pos})
			}
		})
		l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, ivs, nil), Val: ir.Ref(acc), Pos: pos})
	})
	return out
}

// cumulate lowers cumsum / cumprod: along axis (a result of the operand's
// shape), or over the C-order flattening (axis -1, a 1-d result), each a
// running sum or product in order, as numpy.
func (l *fnLowerer) cumulate(root *fnode, strides map[*fnode][]ir.Expr, name string, axis int, t *ir.Array, pos ir.Pos) *ir.Var {
	var unit ir.Expr = addUnit(t.Elem)
	op := ir.Add
	if name == "cumprod" {
		op, unit = ir.Mul, cv(ir.Int(1), t.Elem)
	}
	out := l.temp(t)
	if axis < 0 {
		var size ir.Expr = ir.Int(1)
		for _, n := range root.shape {
			size = mul(size, n)
		}
		l.emit(&ir.Alloc{Dst: out, Shape: []ir.Expr{l.simple(size, pos)}, Pos: pos})
		acc, k := l.temp(t.Elem), l.temp(ir.Int64)
		l.emit(&ir.Assign{Dst: acc, Src: unit, Pos: pos})
		l.emit(&ir.Assign{Dst: k, Src: ir.Int(0), Pos: pos})
		ov := wholeView(out)
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.elemValue(root, strides, ivs)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(op, ir.Ref(acc), convert(v, t.Elem)), Pos: pos})
			l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, []ir.Expr{ir.Ref(k)}, nil), Val: ir.Ref(acc), Pos: pos})
			l.emit(&ir.Assign{Dst: k, Src: ir.Bin(ir.Add, ir.Ref(k), ir.Int(1)), Pos: pos})
		})
		return out
	}
	l.emit(&ir.Alloc{Dst: out, Shape: root.shape, Pos: pos})
	ov := wholeView(out)
	var outer []ir.Expr
	for k, n := range root.shape {
		if k != axis {
			outer = append(outer, n)
		}
	}
	l.loopNest(outer, pos, func(ivs []ir.Expr) {
		acc := l.temp(t.Elem)
		l.emit(&ir.Assign{Dst: acc, Src: unit, Pos: pos})
		l.loopNest([]ir.Expr{root.shape[axis]}, pos, func(js []ir.Expr) {
			f := append([]ir.Expr{}, ivs[:axis]...)
			f = append(f, js[0])
			f = append(f, ivs[axis:]...)
			v := l.elemValue(root, strides, f)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(op, ir.Ref(acc), convert(v, t.Elem)), Pos: pos})
			l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, f, nil), Val: ir.Ref(acc), Pos: pos})
		})
	})
	return out
}

// addUnit is the identity of addition: -0.0 for floats (so that a sum of
// -0.0 stays -0.0, as numpy's, which starts from the first element), 0
// otherwise.
func addUnit(t ir.Scalar) ir.Expr {
	switch {
	case t.IsFloat():
		return &ir.ConstExpr{T: t, Value: math.Copysign(0, -1)}
	case t.IsComplex():
		nz := math.Copysign(0, -1)
		return &ir.ConstExpr{T: t, Value: complex(nz, nz)}
	}
	return zero(t)
}

// varianceAxis lowers np.var / np.std along an axis as numpy 1.24's _var:
// the mean is np_sum_axis divided by the count (an array division, then
// broadcast back), the squared deviations are materialised and summed with
// np_sum_axis again, and divided by max(n - ddof, 0).
func (l *fnLowerer) varianceAxis(e *ast.Call, ci *typeinfer.CallInfo, operand ast.Expr, t *ir.Array, pos ir.Pos) *ir.Var {
	ft := t.Elem
	if !ft.IsFloat() {
		l.errorf(e, "unsupported: %s of a %s array", ci.Name, t.Elem)
	}
	axis := ci.Axis
	ddof := ir.Expr(zero(ft))
	if x := ci.Kwargs["ddof"]; x != nil {
		ddof = l.simple(cv(l.expr(x), ft), pos)
	}
	root := l.fuseTree(operand, pos)
	src := l.temp(&ir.Array{Elem: ft, Rank: len(root.shape)})
	l.emit(&ir.Alloc{Dst: src, Shape: root.shape, Pos: pos})
	l.storeLoopShape(src, root, root.shape, pos)
	sv := wholeView(src)
	n := l.spill(cv(sv.shape[axis], ft), pos)
	sum := l.temp(t)
	l.emit(&ir.Assign{Dst: sum, Src: intr("np_sum_axis", t, ir.Ref(src), ir.Int(int64(axis))), Pos: pos})
	mv := wholeView(sum)
	dev := l.temp(src.Type)
	l.emit(&ir.Alloc{Dst: dev, Shape: sv.shape, Pos: pos})
	dv := wholeView(dev)
	l.loopNest(sv.shape, pos, func(ivs []ir.Expr) {
		rest := append(append([]ir.Expr{}, ivs[:axis]...), ivs[axis+1:]...)
		mean := ir.Bin(ir.Div, &ir.Load{Arr: sum, Offset: flatOff(mv, rest, nil)}, n)
		d := l.spill(ir.Bin(ir.Sub, &ir.Load{Arr: src, Offset: flatOff(sv, ivs, nil)}, mean), pos)
		l.emit(&ir.Store{Arr: dev, Offset: flatOff(dv, ivs, nil), Val: ir.Bin(ir.Mul, d, d), Pos: pos})
	})
	out := l.temp(t)
	l.emit(&ir.Assign{Dst: out, Src: intr("np_sum_axis", t, ir.Ref(dev), ir.Int(int64(axis))), Pos: pos})
	den := l.spill(intr("max", ft, ir.Bin(ir.Sub, n, ddof), zero(ft)), pos)
	ov := wholeView(out)
	l.loopNest(ov.shape, pos, func(ivs []ir.Expr) {
		off := l.spill(flatOff(ov, ivs, nil), pos)
		var v ir.Expr = ir.Bin(ir.Div, &ir.Load{Arr: out, Offset: off}, den)
		if ci.Name == "std" {
			v = intr("sqrt", ft, v)
		}
		l.emit(&ir.Store{Arr: out, Offset: off, Val: v, Pos: pos})
	})
	return out
}

// floatBetter is the condition under which the float element v replaces
// best in a min/max/argmin/argmax reduction (op is Lt for min, Gt for
// max). A NaN wins and stays (min/max return NaN, argmin/argmax the index
// of the first NaN). On ties argmin/argmax keep the first index, but
// min/max are maximum.reduce: numpy's maximum(a, b) is a if a > b (or a is
// NaN) else b, so a tie takes the later element and np.max([0.0, -0.0])
// is -0.0.
func floatBetter(name string, op ir.BinOp, v, best ir.Expr) ir.Expr {
	isnan := func(x ir.Expr) ir.Expr { return intr("isnan", ir.Bool, x) }
	if name == "min" || name == "max" {
		return and(not(isnan(best)), not(ir.Bin(op, best, v)))
	}
	return or(ir.Bin(op, v, best), and(isnan(v), not(isnan(best))))
}

// isViewExpr reports whether e is an array variable or a view of one
// (slices, .T), whose memory layout is known only at run time.
func (l *fnLowerer) isViewExpr(e ast.Expr) bool {
	if _, ok := l.typeOf(e).(*ir.Array); !ok {
		return false
	}
	switch x := e.(type) {
	case *ast.Name:
		return true
	case *ast.Subscript:
		return l.isViewExpr(x.Value)
	case *ast.Attribute:
		ai := l.info.Attrs[x]
		return ai != nil && ai.Kind == typeinfer.AttrT && l.isViewExpr(x.Value)
	}
	return false
}

// reduceOperand is the array a reduction reduces: the receiver of a method
// (a.sum()) or the one positional argument of the numpy function
// (np.sum(a)); nil when the call is not of that shape.
func (l *fnLowerer) reduceOperand(ci *typeinfer.CallInfo) ast.Expr {
	operand := ci.Recv
	if ci.Kind == typeinfer.CallNumpy {
		if len(ci.Args) != 1 {
			return nil
		}
		operand = ci.Args[0]
	}
	if operand == nil || !l.isArrayExpr(operand) {
		return nil
	}
	return operand
}

// prodStep is acc * x in a product reduction: complex steps are the
// inexact cprod_mul, since numpy's complex product is not the running
// product on every CPU (see ir's np_cprod).
func prodStep(acc, x ir.Expr) ir.Expr {
	if t, ok := x.Type().(ir.Scalar); ok && t.IsComplex() {
		return intr("cprod_mul", t, acc, x)
	}
	return ir.Bin(ir.Mul, acc, x)
}
