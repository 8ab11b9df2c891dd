package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
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

var reduceNames = map[string]bool{
	"sum": true, "mean": true, "prod": true, "min": true, "max": true, "amin": true, "amax": true,
	"argmin": true, "argmax": true, "any": true, "all": true,
}

// reduction lowers a scalar-valued reduction call; nil when e is not one.
func (l *fnLowerer) reduction(e *ast.Call, ci *typeinfer.CallInfo) ir.Expr {
	if !reduceNames[ci.Name] {
		return nil
	}
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
	if ci.Axis >= 0 {
		l.errorf(e, "internal: reduction with axis=%d typed as a scalar", ci.Axis)
	}
	for k := range ci.Kwargs {
		if k != "axis" {
			l.errorf(e, "unsupported: %s= of %s()", k, ci.Name)
		}
	}
	pos := l.pos(e)
	res := l.scalarOf(e)
	at := l.typeOf(operand).(*ir.Array)
	name := ci.Name
	switch name {
	case "amin":
		name = "min"
	case "amax":
		name = "max"
	}
	if (name == "sum" || name == "mean") && (at.Elem.IsFloat() || at.Elem.IsComplex()) || name == "mean" {
		if name == "mean" && at.Elem.IsComplex() {
			l.errorf(e, "unsupported: mean of a complex array")
		}
		var v *ir.Var
		if name == "mean" && !at.Elem.IsFloat() {
			// numpy's mean of integers sums float64 conversions (in its
			// 8192-element buffers, which SumFloat reproduces).
			t := &ir.Array{Elem: ir.Float64, Rank: at.Rank}
			v = l.temp(t)
			root := l.fuseTree(operand, pos)
			l.emit(&ir.Alloc{Dst: v, Shape: root.shape, Pos: pos})
			l.storeLoopShape(v, root, root.shape, pos)
		} else {
			v = l.arrayVar(operand)
		}
		fn := "np_sum"
		if name == "mean" {
			fn = "np_mean"
		}
		return cv(intr(fn, v.Type.(*ir.Array).Elem, ir.Ref(v)), res)
	}

	l.anyArray = nil
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
		l.emit(&ir.Assign{Dst: acc, Src: zero(res), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.elemValue(root, strides, ivs)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Add, ir.Ref(acc), convert(v, res)), Pos: pos})
		})
	case "prod":
		l.emit(&ir.Assign{Dst: acc, Src: cv(ir.Int(1), res), Pos: pos})
		l.loopNest(root.shape, pos, func(ivs []ir.Expr) {
			v := l.elemValue(root, strides, ivs)
			l.emit(&ir.Assign{Dst: acc, Src: ir.Bin(ir.Mul, ir.Ref(acc), convert(v, res)), Pos: pos})
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
		long := map[string]string{"min": "minimum", "max": "maximum"}[name]
		msg := "zero-size array to reduction operation " + long + " which has no identity"
		if long == "" {
			msg = "attempt to get " + name + " of an empty sequence"
		}
		l.check(ir.Bin(ir.Gt, size, ir.Int(0)), "ValueError", msg, pos)
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
				isnan := func(x ir.Expr) ir.Expr { return intr("isnan", ir.Bool, x) }
				better = or(better, and(isnan(v), not(isnan(ir.Ref(best)))))
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
