package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/numpy"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// Products: np.dot, np.matmul (and `a @ b`), np.outer for 1-d and 2-d
// operands. Sums run in k order (matrix products loop i-k-j, so the inner
// loop walks rows of b and of the result). numpy hands float dot/matmul to
// BLAS, whose summation order (blocking, FMA) differs: float results are
// not bit-identical in general and must be compared with a tolerance;
// integer results are exact (wrapping). Float and complex accumulation
// steps are therefore the inexact blas_add intrinsic (dotAdd).

const (
	msgMatmul = "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size %d is different from %d)"
)

// isMatMul reports whether e is a BinOp the frontend rewrote from `@`.
func (l *fnLowerer) isMatMul(e ast.Expr) bool {
	b, ok := e.(*ast.BinOp)
	return ok && l.info.MatMul[b]
}

// productCall returns the operands and kind of a product expression
// (dot, matmul, outer) with two array operands; ok false otherwise.
func (l *fnLowerer) productCall(e ast.Expr) (name string, x, y ast.Expr, ok bool) {
	if l.isMatMul(e) {
		b := e.(*ast.BinOp)
		return "matmul", b.Left, b.Right, true
	}
	c, isCall := e.(*ast.Call)
	if !isCall {
		return "", nil, nil, false
	}
	ci := l.info.Calls[c]
	if ci == nil || ci.Kind != typeinfer.CallNumpy || len(ci.Args) != 2 {
		return "", nil, nil, false
	}
	if ci.Row != nil && ci.Row.Kind == numpy.Product && l.isArrayExpr(ci.Args[0]) && l.isArrayExpr(ci.Args[1]) {
		return ci.Name, ci.Args[0], ci.Args[1], true
	}
	return "", nil, nil, false
}

// product lowers a product; the result is a scalar expression (1-d · 1-d)
// or an array variable.
func (l *fnLowerer) product(e ast.Expr) (ir.Expr, *ir.Var) {
	name, xe, ye, _ := l.productCall(e)
	pos := l.pos(e)
	xv, yv := l.viewOf(xe), l.viewOf(ye)
	xs, ys := l.simpleView(xv, pos), l.simpleView(yv, pos)
	rt := l.typeOf(e)
	var k ir.Scalar
	switch t := rt.(type) {
	case ir.Scalar:
		k = t
	case *ir.Array:
		k = t.Elem
	}
	load := func(av aview, idx ...ir.Expr) ir.Expr {
		return convert(&ir.Load{Arr: av.src, Offset: flatOff(av, idx, nil)}, k)
	}
	rx, ry := len(xs.shape), len(ys.shape)
	if name == "outer" {
		// numpy flattens both operands (C order).
		flat := func(av aview, ae ast.Expr) aview {
			if len(av.shape) == 1 {
				return av
			}
			elem := l.typeOf(ae).(*ir.Array).Elem
			root := &fnode{e: ae, leaf: true, av: av, shape: av.shape, elem: elem}
			c := l.temp(&ir.Array{Elem: elem, Rank: len(av.shape)})
			l.emit(&ir.Alloc{Dst: c, Shape: av.shape, Pos: pos})
			l.storeLoopShape(c, root, av.shape, pos)
			f := l.reshapeContig(c, []ir.Expr{l.simple(l.size(wholeView(c)), pos)}, &ir.Array{Elem: elem, Rank: 1}, pos)
			return wholeView(f)
		}
		xs, ys = flat(xs, xe), flat(ys, ye)
		out := l.temp(rt)
		l.emit(&ir.Alloc{Dst: out, Shape: []ir.Expr{xs.shape[0], ys.shape[0]}, Pos: pos})
		ov := wholeView(out)
		l.loopNest([]ir.Expr{xs.shape[0], ys.shape[0]}, pos, func(ivs []ir.Expr) {
			l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, ivs, nil), Val: ir.Bin(ir.Mul, load(xs, ivs[0]), load(ys, ivs[1])), Pos: pos})
		})
		return nil, out
	}
	if rx > 2 || ry > 2 {
		return nil, l.productND(e, name, xs, ys, rt.(*ir.Array), k, pos)
	}
	// The contracted extents: x's last axis, y's first (its only one for
	// rank 1).
	kx, ky := xs.shape[rx-1], ys.shape[0]
	if !ir.SameExpr(kx, ky) {
		if name == "matmul" {
			l.emit(&ir.Check{Cond: ir.Bin(ir.Eq, kx, ky), Exc: "ValueError", Msg: msgMatmul, Args: []ir.Expr{ky, kx}, Pos: pos})
		} else {
			msg, args := "shapes ", []ir.Expr{}
			shp := func(av aview) {
				if len(av.shape) == 1 {
					msg += "(%d,)"
				} else {
					msg += "(%d,%d)"
				}
				args = append(args, av.shape...)
			}
			shp(xs)
			msg += " and "
			shp(ys)
			msg += " not aligned: %d (dim " + itoa(rx-1) + ") != %d (dim 0)"
			args = append(args, kx, ky)
			l.emit(&ir.Check{Cond: ir.Bin(ir.Eq, kx, ky), Exc: "ValueError", Msg: msg, Args: args, Pos: pos})
		}
	}
	kn := kx
	if _, isDim := kn.(*ir.Dim); isDim {
		kn = l.spill(kn, pos)
	}
	if rx == 1 && ry == 1 {
		// numpy's 1-d dot of [-0.0]·[1.0] is -0.0: start from -0.0.
		acc := l.temp(k)
		l.emit(&ir.Assign{Dst: acc, Src: addUnit(k), Pos: pos})
		l.loopNest([]ir.Expr{kn}, pos, func(ivs []ir.Expr) {
			l.emit(&ir.Assign{Dst: acc, Src: dotAdd(k, ir.Ref(acc), ir.Bin(ir.Mul, load(xs, ivs[0]), load(ys, ivs[0]))), Pos: pos})
		})
		if k.IsFloat() || k.IsComplex() {
			// ... but the dot of empty vectors is +0.0.
			l.emit(&ir.If{Cond: ir.Bin(ir.Eq, kn, ir.Int(0)), Then: &ir.Block{Stmts: []ir.Stmt{&ir.Assign{Dst: acc, Src: zero(k), Pos: pos}}}, Pos: pos})
		}
		return ir.Ref(acc), nil
	}
	var shape []ir.Expr
	if rx == 2 {
		shape = append(shape, xs.shape[0])
	}
	if ry == 2 {
		shape = append(shape, ys.shape[1])
	}
	out := l.temp(rt)
	if rx == 2 && ry == 2 && l.blasable(k, xe, ye) {
		// numpy hands float matrix products to BLAS gemm; so does the
		// compiled code once the product is large enough for gemm's setup
		// (and, in Go, gonum's operand checks) to pay. Both branches sum
		// in an order that is not numpy's, hence the tolerance either way
		// (see dotAdd).
		work := ir.Bin(ir.Mul, ir.Bin(ir.Mul, xs.shape[0], ys.shape[1]), kn)
		at := &ir.Array{Elem: k, Rank: 2}
		blas := l.block(func() {
			xm, ym := l.materialize(xs, at, pos), l.materialize(ys, at, pos)
			l.emit(&ir.Assign{Dst: out, Src: intr("np_matmul", rt, ir.Ref(xm), ir.Ref(ym)), Pos: pos})
		})
		inline := l.block(func() { l.inlineMatmul(out, shape, xs, ys, kn, k, pos) })
		l.emit(&ir.If{Cond: ir.Bin(ir.Ge, work, ir.Int(blasMinWork)), Then: &ir.Block{Stmts: blas}, Else: &ir.Block{Stmts: inline}, Pos: pos})
		return nil, out
	}
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos}) // zero-filled
	ov := wholeView(out)
	switch {
	case rx == 2 && ry == 1:
		l.loopNest([]ir.Expr{xs.shape[0]}, pos, func(is []ir.Expr) {
			acc := l.temp(k)
			l.emit(&ir.Assign{Dst: acc, Src: zero(k), Pos: pos})
			l.loopNest([]ir.Expr{kn}, pos, func(ks []ir.Expr) {
				l.emit(&ir.Assign{Dst: acc, Src: dotAdd(k, ir.Ref(acc), ir.Bin(ir.Mul, load(xs, is[0], ks[0]), load(ys, ks[0]))), Pos: pos})
			})
			l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, is, nil), Val: ir.Ref(acc), Pos: pos})
		})
	case rx == 1 && ry == 2:
		l.loopNest([]ir.Expr{kn}, pos, func(ks []ir.Expr) {
			xk := l.spill(load(xs, ks[0]), pos)
			l.loopNest([]ir.Expr{ys.shape[1]}, pos, func(js []ir.Expr) {
				off := l.spill(flatOff(ov, js, nil), pos)
				l.emit(&ir.Store{Arr: out, Offset: off, Val: dotAdd(k, &ir.Load{Arr: out, Offset: off}, ir.Bin(ir.Mul, xk, load(ys, ks[0], js[0]))), Pos: pos})
			})
		})
	default: // 2-d @ 2-d
		l.matmulLoops(out, xs, ys, kn, k, pos)
	}
	return nil, out
}

// blasMinWork is the smallest M*N*K for which a float matrix product
// calls BLAS gemm rather than running inline loops: measured on both
// backends (docs/performance.md), the inline i-k-j nest wins below it.
const blasMinWork = 8 * 8 * 8

// blasable reports whether x @ y (matrices) can go to BLAS: a float32 or
// float64 product whose operands have its element type (mixed types
// convert elementwise in the inline loops).
func (l *fnLowerer) blasable(k ir.Scalar, xe, ye ast.Expr) bool {
	if k != ir.Float64 && k != ir.Float32 {
		return false
	}
	for _, e := range []ast.Expr{xe, ye} {
		if t, ok := arrayType(l.typeOf(e)); !ok || t.Elem != k {
			return false
		}
	}
	return true
}

// inlineMatmul allocates out (shape) and fills it with the inline i-k-j
// loops.
func (l *fnLowerer) inlineMatmul(out *ir.Var, shape []ir.Expr, xs, ys aview, kn ir.Expr, k ir.Scalar, pos ir.Pos) {
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos}) // zero-filled
	l.matmulLoops(out, xs, ys, kn, k, pos)
}

// matmulLoops adds x @ y into the zeroed matrix out, i-k-j: the inner
// loop walks rows of y and of out.
func (l *fnLowerer) matmulLoops(out *ir.Var, xs, ys aview, kn ir.Expr, k ir.Scalar, pos ir.Pos) {
	l.matmulInto(wholeView(out), xs, ys, kn, k, pos)
}

// matmulInto is matmulLoops into the zeroed matrix view ov (one matrix of
// a batch, batched.go).
func (l *fnLowerer) matmulInto(ov aview, xs, ys aview, kn ir.Expr, k ir.Scalar, pos ir.Pos) {
	out := ov.src
	load := func(av aview, idx ...ir.Expr) ir.Expr {
		return convert(&ir.Load{Arr: av.src, Offset: flatOff(av, idx, nil)}, k)
	}
	l.loopNest([]ir.Expr{xs.shape[0], kn}, pos, func(iks []ir.Expr) {
		xik := l.spill(load(xs, iks[0], iks[1]), pos)
		l.loopNest([]ir.Expr{ys.shape[1]}, pos, func(js []ir.Expr) {
			off := l.spill(flatOff(ov, []ir.Expr{iks[0], js[0]}, nil), pos)
			l.emit(&ir.Store{Arr: out, Offset: off, Val: dotAdd(k, &ir.Load{Arr: out, Offset: off}, ir.Bin(ir.Mul, xik, load(ys, iks[1], js[0]))), Pos: pos})
		})
	})
}

// simpleView returns av with its offset, extents and strides cheap to
// repeat inside loops (constants, variables or Dims).
func (l *fnLowerer) simpleView(av aview, pos ir.Pos) aview {
	out := aview{src: av.src, off: l.cheap(av.off, pos)}
	for i := range av.shape {
		out.shape = append(out.shape, l.cheap(av.shape[i], pos))
		out.strides = append(out.strides, l.cheap(av.strides[i], pos))
	}
	return out
}

// dotAdd is one step acc + term of a product's accumulation. Float and
// complex steps are the blas_add intrinsic: numpy sums these in BLAS's
// order, not ours, and the inexact intrinsic is how verify learns to
// compare the function with a tolerance. Integer sums are exact (wrapping)
// whatever the order.
func dotAdd(k ir.Scalar, acc, term ir.Expr) ir.Expr {
	if k.IsFloat() || k.IsComplex() {
		return intr("blas_add", k, acc, term)
	}
	return ir.Bin(ir.Add, acc, term)
}
