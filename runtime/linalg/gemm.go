package linalg

import (
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"gonum.org/v1/gonum/blas"
	blasimpl "gonum.org/v1/gonum/blas/gonum"
)

// Matrix products through BLAS. numpy hands float32/float64 matmul and dot
// to its BLAS (cblas_sgemm/dgemm, OpenBLAS here), whose summation order is
// its own (blocking, SIMD lanes, fused multiply-adds), so no product
// computed in another order is bit-identical to numpy's: results agree to
// a few ulps of the terms' magnitudes (verify's Tolerance). This file
// calls the register-tiled AVX-512 kernels of gemm_tiled.go when the build
// has them (GOEXPERIMENT=simd), else gonum's pure-Go BLAS; both read the
// operands in place whenever one axis is unit-stride (a transpose is a
// flag, not a copy) and copy otherwise.

var blasImpl blasimpl.Implementation

// tiledMinWork is the smallest m*n*k the register-tiled kernels take
// over from gonum: below it packing costs more than it saves.
const tiledMinWork = 16 * 16 * 16

// gemm is c = op(a) @ op(b) for row-major operands: c is m x n (ldc),
// op(a) m x k, op(b) k x n; c is overwritten.
func gemm[T Float](transA, transB bool, m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		for i := 0; i < m; i++ {
			clear(c[i*ldc : i*ldc+n])
		}
		return
	}
	if ks, ok := tiledKernels[T](); ok && m*n*k >= tiledMinWork {
		tiledGemm(ks, transA, transB, m, n, k, a, lda, b, ldb, c, ldc)
		return
	}
	ta, tb := blas.NoTrans, blas.NoTrans
	if transA {
		ta = blas.Trans
	}
	if transB {
		tb = blas.Trans
	}
	switch c := any(c).(type) {
	case []float64:
		blasImpl.Dgemm(ta, tb, m, n, k, 1, any(a).([]float64), lda, any(b).([]float64), ldb, 0, c, ldc)
	case []float32:
		blasImpl.Sgemm(ta, tb, m, n, k, 1, any(a).([]float32), lda, any(b).([]float32), ldb, 0, c, ldc)
	}
}

// operand describes a core matrix for gemm: its data from the first
// element, leading dimension, and whether it is stored transposed.
type operand[T Float] struct {
	data  []T
	ld    int
	trans bool
}

// blasOperand returns m as a gemm operand without copying when one of its
// axes is unit-stride and the other steps at least a row (column) of it;
// otherwise it copies m into scratch (grown as needed) row-major.
func blasOperand[T Float](m mat[T], scratch *[]T) operand[T] {
	rs, cs := m.rs, m.cs
	if m.rows <= 1 {
		rs = max(m.cols, 1)
	}
	if m.cols <= 1 {
		cs = 1
	}
	switch {
	case cs == 1 && rs >= max(m.cols, 1):
		return operand[T]{data: m.data[m.off:], ld: rs}
	case rs == 1 && cs >= max(m.rows, 1):
		return operand[T]{data: m.data[m.off:], ld: cs, trans: true}
	}
	n := m.rows * m.cols
	if cap(*scratch) < n {
		*scratch = make([]T, n)
	}
	buf := (*scratch)[:n]
	for i := 0; i < m.rows; i++ {
		for j := 0; j < m.cols; j++ {
			buf[i*m.cols+j] = m.data[m.off+i*m.rs+j*m.cs]
		}
	}
	return operand[T]{data: buf, ld: max(m.cols, 1)}
}

const msgMatmulCore = "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size %d is different from %d)"

// Matmul is np.matmul(a, b) (a @ b) for float32 or float64 arrays of rank
// 1 or more: a 1-d operand is a row (first) or column (second) vector
// whose axis is removed from the result, and leading axes broadcast.
func Matmul[T Float](a, b *runtime.Array[T]) (*runtime.Array[T], error) {
	for i, x := range []*runtime.Array[T]{a, b} {
		if len(x.Shape) == 0 {
			return nil, errorf(runtime.ValueError, "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)", i)
		}
	}
	av, bv := a, b
	if len(a.Shape) == 1 {
		av = &runtime.Array[T]{Data: a.Data, Shape: []int{1, a.Shape[0]}, Strides: []int{0, a.Strides[0]}, Offset: a.Offset}
	}
	if len(b.Shape) == 1 {
		bv = &runtime.Array[T]{Data: b.Data, Shape: []int{b.Shape[0], 1}, Strides: []int{b.Strides[0], 0}, Offset: b.Offset}
	}
	na, nb := len(av.Shape), len(bv.Shape)
	m, k := av.Shape[na-2], av.Shape[na-1]
	k2, n := bv.Shape[nb-2], bv.Shape[nb-1]
	if k != k2 {
		return nil, errorf(runtime.ValueError, msgMatmulCore, k2, k)
	}
	var core []int
	if len(a.Shape) > 1 {
		core = append(core, m)
	}
	if len(b.Shape) > 1 {
		core = append(core, n)
	}
	l, ok := broadcastLoop([][]int{av.Shape[:na-2], bv.Shape[:nb-2]}, [][]int{av.Strides[:na-2], bv.Strides[:nb-2]}, []int{av.Offset, bv.Offset})
	if !ok {
		return nil, broadcastError(core, a.Shape, len(a.Shape)-min(len(a.Shape), 2), b.Shape, len(b.Shape)-min(len(b.Shape), 2))
	}
	out := runtime.Zeros[T](l.resultShape(core...)...)
	var sa, sb []T
	l.each(func(i int, offs []int) {
		x := blasOperand(matAt(av, offs[0]), &sa)
		y := blasOperand(matAt(bv, offs[1]), &sb)
		gemm(x.trans, y.trans, m, n, k, x.data, x.ld, y.data, y.ld, out.Data[i*m*n:(i+1)*m*n], max(n, 1))
	})
	return out, nil
}

// Gemm is c = a @ b for 2-d float32/float64 arrays: a (M, K), b (K, N)
// and c (M, N), which must not overlap a or b. It is the call generated
// code makes for a product large enough to be worth BLAS: the operands are
// read in place when one axis is unit-stride. Shapes are the caller's
// checks (it raises numpy's matmul/dot errors first); a mismatch panics.
func Gemm[T Float](c, a, b *runtime.Array[T]) {
	if len(a.Shape) != 2 || len(b.Shape) != 2 || len(c.Shape) != 2 ||
		a.Shape[1] != b.Shape[0] || c.Shape[0] != a.Shape[0] || c.Shape[1] != b.Shape[1] {
		panic(fmt.Sprintf("linalg.Gemm: shapes %v @ %v -> %v", a.Shape, b.Shape, c.Shape))
	}
	m, k, n := a.Shape[0], a.Shape[1], b.Shape[1]
	var sa, sb []T
	x := blasOperand(matAt(a, a.Offset), &sa)
	y := blasOperand(matAt(b, b.Offset), &sb)
	cm := matAt(c, c.Offset)
	if cm.cs == 1 || n <= 1 {
		ldc := cm.rs
		if m <= 1 {
			ldc = max(n, 1)
		}
		if ldc >= max(n, 1) {
			gemm(x.trans, y.trans, m, n, k, x.data, x.ld, y.data, y.ld, c.Data[c.Offset:], ldc)
			return
		}
	}
	tmp := make([]T, m*n)
	gemm(x.trans, y.trans, m, n, k, x.data, x.ld, y.data, y.ld, tmp, max(n, 1))
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			c.Data[c.Offset+i*cm.rs+j*cm.cs] = tmp[i*n+j]
		}
	}
}

// Product is a @ b for 2-d float32/float64 arrays whose inner extents
// agree (the caller raised numpy's error otherwise): a fresh
// C-contiguous (M, N) array through BLAS gemm. It is what generated code
// calls for np.dot, np.matmul and @ of matrices large enough for BLAS to
// pay (see lower/product.go).
func Product[T Float](a, b *runtime.Array[T]) *runtime.Array[T] {
	c := runtime.Zeros[T](a.Shape[0], b.Shape[1])
	Gemm(c, a, b)
	return c
}
