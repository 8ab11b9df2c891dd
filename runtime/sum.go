package runtime

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
)

// numpy 1.24 reductions, reproduced bit for bit.
//
// np.add.reduce over floats calls the inner loop DOUBLE_add (FLOAT_add)
// with a "binary reduce" signature, which does
//
//	*out += pairwise_sum(in, n, stride)
//
// (numpy/core/src/umath/loops_utils.h.src). The reduction starts from the
// identity 0.0, so a sum of negative zeros is +0.0. The iterator driving the
// reduction is buffered, and even when no copy is needed it hands the inner
// loop at most NPY_BUFSIZE = 8192 elements at a time, so a long reduction
// is a plain sequential sum of pairwise sums of 8192-element chunks. The
// tests establish this against numpy (sizes 8191..8193 and 16385 tell the
// two models apart).
//
// Along an axis of a C-ordered array numpy iterates the output in memory
// order: reducing an axis whose remaining inner extent is 1 (the last axis,
// or any axis followed only by unit axes) is contiguous, so each output is
// a chunked pairwise sum of its row; reducing any other axis makes the
// inner loop run over the output elements, so each output is the plain
// left-to-right sum 0 + a[0] + a[1] + ... along the reduced axis.

// sumBlock is NPY_BUFSIZE, the largest count the reduction iterator passes
// to the inner loop at once.
const sumBlock = 8192

// pwBlock is PW_BLOCKSIZE in loops_utils.h.src.
const pwBlock = 128

// PairwiseSum is numpy's pairwise_sum over the n elements data[off],
// data[off+stride], ...: a plain loop below 8 elements, an 8-accumulator
// unrolled loop up to 128 elements combined as
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) followed by the remainder, and above
// that a split at n/2 rounded down to a multiple of 8. It is the exact
// evaluation order, so results are bit-identical to numpy's (given the
// same chunking, see SumFloat).
func PairwiseSum[T ~float32 | ~float64](data []T, off, n, stride int) T {
	if n < 8 {
		var res T // numpy starts from 0., so -0.0 sums to +0.0 here
		for i := 0; i < n; i++ {
			res += data[off+i*stride]
		}
		return res
	}
	if n <= pwBlock {
		var r [8]T
		for k := 0; k < 8; k++ {
			r[k] = data[off+k*stride]
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			p := off + i*stride
			r[0] += data[p]
			r[1] += data[p+stride]
			r[2] += data[p+2*stride]
			r[3] += data[p+3*stride]
			r[4] += data[p+4*stride]
			r[5] += data[p+5*stride]
			r[6] += data[p+6*stride]
			r[7] += data[p+7*stride]
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += data[off+i*stride]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return PairwiseSum(data, off, n2, stride) + PairwiseSum(data, off+n2*stride, n-n2, stride)
}

// pairwiseComplex is numpy's complex pairwise_sum. numpy views the complex
// data as 2m interleaved floats and unrolls by 8 floats, i.e. 4 complex
// elements with one real and one imaginary accumulator each: a plain loop
// below 4 elements, up to 64 elements the blocked loop with the parts
// combined as (r0+r2)+(r4+r6) and (r1+r3)+(r5+r7), above that a split at
// (2m/2 rounded down to a multiple of 8) floats = a multiple of 4 elements.
func pairwiseComplex[C ~complex64 | ~complex128, F ~float32 | ~float64](data []C, off, m, stride int) (F, F) {
	re := func(i int) F { return F(real(complex128(data[off+i*stride]))) }
	im := func(i int) F { return F(imag(complex128(data[off+i*stride]))) }
	n := 2 * m // numpy's count of floats
	if n < 8 {
		var rr, ri F
		for i := 0; i < m; i++ {
			rr += re(i)
			ri += im(i)
		}
		return rr, ri
	}
	if n <= pwBlock {
		var r [8]F
		for k := 0; k < 4; k++ {
			r[2*k] = re(k)
			r[2*k+1] = im(k)
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			e := i / 2
			for k := 0; k < 4; k++ {
				r[2*k] += re(e + k)
				r[2*k+1] += im(e + k)
			}
		}
		rr := (r[0] + r[2]) + (r[4] + r[6])
		ri := (r[1] + r[3]) + (r[5] + r[7])
		for ; i < n; i += 2 {
			rr += re(i / 2)
			ri += im(i / 2)
		}
		return rr, ri
	}
	n2 := n / 2
	n2 -= n2 % 8
	rr1, ri1 := pairwiseComplex[C, F](data, off, n2/2, stride)
	rr2, ri2 := pairwiseComplex[C, F](data, off+(n2/2)*stride, m-n2/2, stride)
	return rr1 + rr2, ri1 + ri2
}

// PairwiseSumComplex is numpy's pairwise sum of the m complex elements
// data[off], data[off+stride], ...; the real and imaginary parts are summed
// in the precision of the parts (float32 for complex64).
func PairwiseSumComplex[C ~complex64 | ~complex128](data []C, off, m, stride int) C {
	if reflect.TypeFor[C]().Kind() == reflect.Complex64 {
		rr, ri := pairwiseComplex[C, float32](data, off, m, stride)
		return C(complex(float64(rr), float64(ri)))
	}
	rr, ri := pairwiseComplex[C, float64](data, off, m, stride)
	return C(complex(rr, ri))
}

// chunkedSum is the reduction loop: 0 + pw(chunk0) + pw(chunk1) + ...
func chunkedSum[T ~float32 | ~float64](data []T, off, n, stride int) T {
	var acc T
	for s := 0; s < n; s += sumBlock {
		acc += PairwiseSum(data, off+s*stride, min(sumBlock, n-s), stride)
	}
	return acc
}

func chunkedSumComplex[C ~complex64 | ~complex128](data []C, off, n, stride int) C {
	var acc C
	for s := 0; s < n; s += sumBlock {
		acc += PairwiseSumComplex(data, off+s*stride, min(sumBlock, n-s), stride)
	}
	return acc
}

// memoryRun returns (off, n, stride) describing a's elements as a single
// run in memory order when that exists: any C-contiguous array (stride 1)
// and any 1-d view in index order (for a[::-1] numpy's reduction walks the
// negative stride as it is rather than flipping it to memory order: the
// tests tell the two apart). ok is false otherwise.
func memoryRun[T Elem](a *Array[T]) (off, n, stride int, ok bool) {
	n = a.Size()
	if a.IsCContiguous() {
		return a.Offset, n, 1, true
	}
	if len(a.Shape) == 1 {
		return a.Offset, n, a.Strides[0], true
	}
	return 0, 0, 0, false
}

// keepOrderFlat returns a's elements in the order numpy's reduction
// iterator visits them for axis=None: NPY_KEEPORDER sorts the axes by
// decreasing |stride| (a stable sort: C order on ties) and
// NPY_ITER_DONT_NEGATE_STRIDES leaves negative strides as they are. The
// iterator then hands the inner loop runs of up to sumBlock elements, in
// place when they are single-strided and through its buffer (a copy in
// this order) otherwise, so the sum is chunkedSum of this sequence; a
// probe of numpy 1.24 over transposed, sliced, reversed and 3-d views,
// inner extents above sumBlock included, found no difference.
func keepOrderFlat[T Elem](a *Array[T]) []T {
	return permuteAxes(a, keepOrderPerm(a)).Flat()
}

// keepOrderPerm is the axis order of numpy's NPY_KEEPORDER iteration of a:
// axes by decreasing |stride|, C order on ties.
func keepOrderPerm[T Elem](a *Array[T]) []int {
	perm := make([]int, len(a.Shape))
	for i := range perm {
		perm[i] = i
	}
	abs := func(x int) int {
		if x < 0 {
			return -x
		}
		return x
	}
	sort.SliceStable(perm, func(i, j int) bool { return abs(a.Strides[perm[i]]) > abs(a.Strides[perm[j]]) })
	return perm
}

// permuteAxes is the view a.transpose(perm).
func permuteAxes[T Elem](a *Array[T], perm []int) *Array[T] {
	v := &Array[T]{Data: a.Data, Offset: a.Offset, Shape: make([]int, len(perm)), Strides: make([]int, len(perm))}
	for i, k := range perm {
		v.Shape[i], v.Strides[i] = a.Shape[k], a.Strides[k]
	}
	return v
}

// SumFloat is np.sum(a) (axis=None) for a float array, bit for bit: in
// memory order for C-contiguous arrays and 1-d views, in numpy's iterator
// order (keepOrderFlat) for other layouts (transposed, sliced, reversed).
func SumFloat[T ~float32 | ~float64](a *Array[T]) T {
	if off, n, st, ok := memoryRun(a); ok {
		return chunkedSum(a.Data, off, n, st)
	}
	flat := keepOrderFlat(a)
	return chunkedSum(flat, 0, len(flat), 1)
}

// ProdFloat is np.prod(a) (axis=None) for a float array: a running
// product from 1 (multiply has no pairwise form in numpy) in SumFloat's
// element order, bit for bit.
func ProdFloat[T ~float32 | ~float64](a *Array[T]) T {
	return prod(a)
}

// ProdComplex is np.prod(a) for a complex array, with ProdFloat's order.
func ProdComplex[C ~complex64 | ~complex128](a *Array[C]) C {
	return prod(a)
}

func prod[T ~float32 | ~float64 | ~complex64 | ~complex128](a *Array[T]) T {
	acc := T(1)
	if off, n, st, ok := memoryRun(a); ok {
		for i := range n {
			acc *= a.Data[off+i*st]
		}
		return acc
	}
	for _, x := range keepOrderFlat(a) {
		acc *= x
	}
	return acc
}

// SumComplex is np.sum(a) for a complex array, with SumFloat's layout rules.
func SumComplex[C ~complex64 | ~complex128](a *Array[C]) C {
	if off, n, st, ok := memoryRun(a); ok {
		return chunkedSumComplex(a.Data, off, n, st)
	}
	flat := keepOrderFlat(a)
	return chunkedSumComplex(flat, 0, len(flat), 1)
}

// MeanFloat is np.mean(a) for a float array: the sum in the array's own
// dtype divided by the element count converted to that dtype (numpy's
// _mean does ret.dtype.type(ret / rcount)). An empty array gives NaN, as
// numpy does (with a RuntimeWarning that generated code does not emit).
func MeanFloat[T ~float32 | ~float64](a *Array[T]) T {
	return SumFloat(a) / T(a.Size())
}

// SumAxis is np.sum(a, axis=axis) for a float array: the result has a's
// shape without axis. A reduced axis followed only by unit extents is
// contiguous, so each output is a chunked pairwise sum; any other axis is
// summed left to right from 0. Other layouts are reduced in numpy's
// iterator order (see sumAxis), so the result is bit for bit numpy's.
func SumAxis[T ~float32 | ~float64](a *Array[T], axis int) *Array[T] {
	return sumAxis(a, axis, chunkedSum[T])
}

// SumAxisComplex is SumAxis for complex arrays.
func SumAxisComplex[C ~complex64 | ~complex128](a *Array[C], axis int) *Array[C] {
	return sumAxis(a, axis, chunkedSumComplex[C])
}

// sumAxis adds with + in its own body rather than through a function
// value: an indirect call per element cost more than the addition (the
// peer benchmark's profile of np.sum(a, axis=0)), and each instantiation
// of the generic function is compiled for its element type's shape, so
// the inner loop is a plain add.
func sumAxis[T ~float32 | ~float64 | ~complex64 | ~complex128](a *Array[T], axis int, pw func([]T, int, int, int) T) *Array[T] {
	nd := len(a.Shape)
	if axis < 0 || axis >= nd {
		panic(fmt.Sprintf("runtime: axis %d is out of bounds for array of dimension %d", axis, nd))
	}
	if !a.IsCContiguous() {
		// numpy reduces a non-contiguous view in its iterator's order
		// (keepOrderPerm): exactly as it reduces the C-contiguous copy
		// of a.transpose(perm) along the moved axis (probed with numpy
		// 1.24 on transposed, sliced, reversed and 3-d views). The
		// result's axes are then put back in a's order.
		perm := keepOrderPerm(a)
		k := slices.Index(perm, axis)
		r := sumAxis(permuteAxes(a, perm).Copy(), k, pw)
		rest := append(append([]int{}, perm[:k]...), perm[k+1:]...) // r's axes, as axes of a
		back := make([]int, 0, len(rest))
		for q := range nd {
			if q != axis {
				back = append(back, slices.Index(rest, q))
			}
		}
		return permuteAxes(r, back).Copy()
	}
	outer := shapeProduct(a.Shape[:axis])
	m := a.Shape[axis]
	inner := shapeProduct(a.Shape[axis+1:])
	outShape := append(append([]int{}, a.Shape[:axis]...), a.Shape[axis+1:]...)
	out := Zeros[T](outShape...)
	d, base := a.Data, a.Offset
	for o := 0; o < outer; o++ {
		if inner == 1 {
			out.Data[o] = pw(d, base+o*m, m, 1)
			continue
		}
		row := out.Data[o*inner : (o+1)*inner]
		for j := 0; j < m; j++ {
			src := d[base+(o*m+j)*inner : base+(o*m+j+1)*inner]
			src = src[:len(row)] // one bounds check for the loop
			for i := range row {
				row[i] += src[i]
			}
		}
	}
	return out
}
