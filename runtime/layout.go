package runtime

// Memory layout of numpy's ufunc outputs.
//
// numpy allocates the output of a ufunc in K order: the axis order its
// iterator (NpyIter) picks for the operands, so m.T * 2.0 is F-ordered.
// The layout decides the order in which a later np.sum pairwise-sums the
// temporary, so compiled code that sums an expression allocates its
// temporary the same way (EmptyLikeLayout) to stay bit-identical.

// LayoutStrides returns the strides (in elements, all non-negative) numpy
// 1.24 gives a fresh ufunc output of the given shape whose operands have
// the given strides, each already broadcast to shape (0 on a broadcast
// axis). It follows npyiter_find_best_axis_ordering: a stable insertion
// sort of the axes from the innermost outwards, where an axis moves inside
// another when the first operand that has nonzero strides on both says its
// |stride| is smaller, and any later operand that disagrees keeps C order
// ("in the case of conflicts between different operands, C-order wins").
// The iterator gives extents of 1 stride 0, so they never order anything.
func LayoutStrides(shape []int, strides ...[]int) []int {
	out := make([]int, len(shape))
	layoutStrides(shape, strides, out, make([]int, len(shape)))
	return out
}

// layoutStrides is LayoutStrides writing into out, with perm as scratch
// (both len(shape)); it keeps no reference to its arguments, so callers
// can pass stack buffers.
func layoutStrides(shape []int, strides [][]int, out, perm []int) {
	n := len(shape)
	st := func(op, ax int) int {
		if shape[ax] == 1 {
			return 0
		}
		s := strides[op][ax]
		if s < 0 {
			return -s
		}
		return s
	}
	// perm[i] is the axis at iterator position i, innermost first (numpy
	// reverses its axis data from C order before sorting).
	for i := range perm {
		perm[i] = n - 1 - i
	}
	for i0 := 1; i0 < n; i0++ {
		ipos := i0
		j0 := perm[i0]
		for i1 := i0 - 1; i1 >= 0; i1-- {
			ambig, swap := true, false
			j1 := perm[i1]
			for op := range strides {
				s0, s1 := st(op, j0), st(op, j1)
				if s0 != 0 && s1 != 0 {
					if s1 <= s0 {
						swap = false
					} else if ambig {
						swap = true
					}
					ambig = false
				}
			}
			if !ambig {
				if !swap {
					break
				}
				ipos = i1
			}
		}
		if ipos != i0 {
			copy(perm[ipos+1:i0+1], perm[ipos:i0])
			perm[ipos] = j0
		}
	}
	s := 1
	for _, ax := range perm {
		out[ax] = s
		s *= shape[ax]
	}
}

// EmptyLikeLayout is a zeroed array of the given shape laid out as numpy
// lays out a ufunc output with operands of the given (broadcast) strides:
// see LayoutStrides.
func EmptyLikeLayout[T Elem](shape []int, strides ...[]int) *Array[T] {
	a := Zeros[T](shape...)
	layoutStrides(a.Shape, strides, a.Strides, make([]int, len(shape)))
	return a
}

// ZerosLayout2 is EmptyLikeLayout for a result of the given rank whose two
// operands (x and y, which may be the same array for a one-operand
// expression) broadcast against each other right-aligned: the result's
// shape is their broadcast shape, an axis an operand lacks or broadcasts
// has stride 0. The shapes must broadcast (checked before by the caller).
// Up to rank 8 it allocates no more than Zeros does: every sum of a
// 2-d+ expression makes its temporary here.
func ZerosLayout2[T Elem](rank int, xShape, xStrides, yShape, yStrides []int) *Array[T] {
	var buf [4][8]int
	var shape, bx, by, perm []int
	if rank <= len(buf[0]) {
		shape, bx, by, perm = buf[0][:rank], buf[1][:rank], buf[2][:rank], buf[3][:rank]
	} else {
		shape, bx, by, perm = make([]int, rank), make([]int, rank), make([]int, rank), make([]int, rank)
	}
	for k := range shape {
		shape[k] = 1
	}
	put := func(sh, st, b []int) {
		for j := range sh {
			k := j + rank - len(sh)
			if sh[j] != 1 {
				shape[k] = sh[j]
				b[k] = st[j]
			}
		}
	}
	put(xShape, xStrides, bx)
	put(yShape, yStrides, by)
	a := Zeros[T](shape...)
	ops := [2][]int{bx, by}
	layoutStrides(a.Shape, ops[:], a.Strides, perm)
	return a
}
