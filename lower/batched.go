package lower

import (
	"github.com/go-python/gpython/ast"

	"github.com/pyc2go/pyc2go/ir"
)

// Products of arrays of rank above 2.
//
// matmul (a @ b) of stacks of matrices: the last two axes of each operand
// are matrices, the axes before them a stack that broadcasts as numpy
// broadcasts (a (2, 3, 4) stack @ a (4, 5) matrix is two products). Each
// matrix of the result is the i-k-j nest of product.go, at the offsets of
// its stack index (stride 0 along a broadcast extent of 1).
//
// dot of an N-d array with an M-d one contracts a's last axis with b's
// second-to-last (its only one for a vector): result[i..., j..., m] =
// sum_k a[i..., k] * b[j..., k, m]. One loop nest over the result, the
// sum innermost, in k order as the 2-d products.

// msgMatmulBroadcast is numpy's message for stacks that do not broadcast
// (its %s are the operands' shapes, remapped, and the result's matrix).
const msgMatmulBroadcast = "operands could not be broadcast together with remapped shapes [original->remapped]: "

// productND lowers matmul or dot with an operand of rank above 2 into a
// fresh array of type t.
func (l *fnLowerer) productND(e ast.Expr, name string, xs, ys aview, t *ir.Array, k ir.Scalar, pos ir.Pos) *ir.Var {
	if name == "matmul" {
		return l.batchedMatmul(xs, ys, t, k, pos)
	}
	return l.dotND(xs, ys, t, k, pos)
}

// batchedMatmul lowers x @ y for stacks of matrices.
func (l *fnLowerer) batchedMatmul(xs, ys aview, t *ir.Array, k ir.Scalar, pos ir.Pos) *ir.Var {
	rx, ry := len(xs.shape), len(ys.shape)
	kx, ky := xs.shape[rx-1], ys.shape[ry-2]
	if !ir.SameExpr(kx, ky) {
		l.emit(&ir.Check{Cond: ir.Bin(ir.Eq, kx, ky), Exc: "ValueError", Msg: msgMatmul, Args: []ir.Expr{ky, kx}, Pos: pos})
	}
	bx, by := xs.shape[:rx-2], ys.shape[:ry-2]
	nb := max(len(bx), len(by))
	batch := make([]ir.Expr, nb)
	var ok ir.Expr
	for ax := range nb {
		var ext []ir.Expr
		for _, b := range [][]ir.Expr{bx, by} {
			if j := ax - (nb - len(b)); j >= 0 {
				ext = append(ext, b[j])
			}
		}
		if len(ext) == 1 || ir.SameExpr(ext[0], ext[1]) {
			batch[ax] = ext[0]
			continue
		}
		a, b := ext[0], ext[1]
		// The extent is b's where a's is 1, else a's.
		batch[ax] = l.spill(ir.Bin(ir.Add, a, mul(ir.Bin(ir.Sub, b, a), cv(ir.Bin(ir.Eq, a, ir.Int(1)), ir.Int64))), pos)
		c := or(or(ir.Bin(ir.Eq, a, b), ir.Bin(ir.Eq, a, ir.Int(1))), ir.Bin(ir.Eq, b, ir.Int(1)))
		if ok == nil {
			ok = c
		} else {
			ok = and(ok, c)
		}
	}
	n, m := xs.shape[rx-2], ys.shape[ry-1]
	if ok != nil {
		msg, args := msgMatmulBroadcast, []ir.Expr{}
		for _, av := range []aview{xs, ys} {
			f, a := shapeFmt(av.shape)
			msg += f + "->("
			for range av.shape[:len(av.shape)-2] {
				msg += "%d,"
			}
			msg += "newaxis,newaxis) "
			args = append(append(args, a...), av.shape[:len(av.shape)-2]...)
		}
		msg += " and requested shape (%d,%d)"
		args = append(args, n, m)
		l.emit(&ir.Check{Cond: ok, Exc: "ValueError", Msg: msg, Args: args, Pos: pos})
	}
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: append(append([]ir.Expr(nil), batch...), n, m), Pos: pos}) // zero-filled
	ov := wholeView(out)
	// An operand's stack stride is 0 along a broadcast extent of 1.
	stackStrides := func(av aview) []ir.Expr {
		r := len(av.shape) - 2
		st := make([]ir.Expr, r)
		for j := range r {
			if ir.SameExpr(av.shape[j], batch[j+nb-r]) {
				st[j] = av.strides[j]
				continue
			}
			st[j] = l.spill(mul(av.strides[j], cv(ir.Bin(ir.Ne, av.shape[j], ir.Int(1)), ir.Int64)), pos)
		}
		return st
	}
	sx, sy := stackStrides(xs), stackStrides(ys)
	kn := l.cheap(kx, pos)
	l.loopNest(batch, pos, func(ivs []ir.Expr) {
		sub := func(av aview, st []ir.Expr) aview {
			r := len(av.shape)
			off := av.off
			for j, s := range st {
				off = addOff(off, mul(ivs[j+nb-len(st)], s))
			}
			return aview{src: av.src, off: l.simple(off, pos), shape: av.shape[r-2:], strides: av.strides[r-2:]}
		}
		om := sub(ov, ov.strides[:nb])
		l.matmulInto(om, sub(xs, sx), sub(ys, sy), kn, k, pos)
	})
	return out
}

// dotND lowers np.dot(x, y) with an operand of rank above 2.
func (l *fnLowerer) dotND(xs, ys aview, t *ir.Array, k ir.Scalar, pos ir.Pos) *ir.Var {
	rx, ry := len(xs.shape), len(ys.shape)
	ck := 0 // y's contracted axis
	if ry >= 2 {
		ck = ry - 2
	}
	kx, ky := xs.shape[rx-1], ys.shape[ck]
	if !ir.SameExpr(kx, ky) {
		fx, ax := shapeFmt(xs.shape)
		fy, ay := shapeFmt(ys.shape)
		msg := "shapes " + fx + " and " + fy + " not aligned: %d (dim " + itoa(rx-1) + ") != %d (dim " + itoa(ck) + ")"
		l.emit(&ir.Check{Cond: ir.Bin(ir.Eq, kx, ky), Exc: "ValueError", Msg: msg, Args: append(append(ax, ay...), kx, ky), Pos: pos})
	}
	var shape []ir.Expr
	shape = append(shape, xs.shape[:rx-1]...)
	for j, n := range ys.shape {
		if j != ck {
			shape = append(shape, n)
		}
	}
	out := l.temp(t)
	l.emit(&ir.Alloc{Dst: out, Shape: shape, Pos: pos})
	ov := wholeView(out)
	kn := l.cheap(kx, pos)
	l.loopNest(shape, pos, func(ivs []ir.Expr) {
		xi, yi := ivs[:rx-1], ivs[rx-1:]
		acc := l.temp(k)
		l.emit(&ir.Assign{Dst: acc, Src: zero(k), Pos: pos})
		l.loopNest([]ir.Expr{kn}, pos, func(ks []ir.Expr) {
			xidx := append(append([]ir.Expr(nil), xi...), ks[0])
			yidx := append(append(append([]ir.Expr(nil), yi[:ck]...), ks[0]), yi[ck:]...)
			x := convert(&ir.Load{Arr: xs.src, Offset: flatOff(xs, xidx, nil)}, k)
			y := convert(&ir.Load{Arr: ys.src, Offset: flatOff(ys, yidx, nil)}, k)
			l.emit(&ir.Assign{Dst: acc, Src: dotAdd(k, ir.Ref(acc), ir.Bin(ir.Mul, x, y)), Pos: pos})
		})
		l.emit(&ir.Store{Arr: out, Offset: flatOff(ov, ivs, nil), Val: ir.Ref(acc), Pos: pos})
	})
	return out
}
