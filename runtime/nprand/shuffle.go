package nprand

import "github.com/pyc2go/pyc2go/runtime"

// Stream is a *RandomState or a *Generator, for the functions that work
// on both (Go methods cannot have type parameters).
type Stream interface {
	acquire() bitSource // lock the state and return its bit generator
	release()
	Permutation(dst []int64)
}

// fill sets every dst[i] to draw(), holding s's lock for the whole call
// as numpy's samplers hold theirs.
func fill[T any](s Stream, dst []T, draw func() T) {
	s.acquire()
	defer s.release()
	for i := range dst {
		dst[i] = draw()
	}
}

// Shuffle is np.random.shuffle(a) (s a *RandomState) or rng.shuffle(a)
// (s a *Generator; axis=0): a shuffled in place along its first axis,
// which it must have. Both draw nothing for an array without elements,
// even one with several rows.
func Shuffle[T runtime.Elem](s Stream, a *runtime.Array[T]) {
	src := s.acquire()
	defer s.release()
	if a.Size() == 0 {
		return
	}
	shuffleRows(src, a)
}

// PermutationOf is permutation(a) for an array a with at least one
// dimension: a fresh C-contiguous copy of a with its rows permuted. The
// draws are those of Permutation(len(a)).
func PermutationOf[T runtime.Elem](s Stream, a *runtime.Array[T]) *runtime.Array[T] {
	perm := make([]int64, a.Shape[0])
	s.Permutation(perm)
	return takeRows(a, perm)
}

// interval is numpy's random_interval: a value in [0, max] by masked
// rejection, from 32-bit words while max fits in 32 bits. Both shuffles
// (legacy and Generator) draw their swap partners with it.
func interval(src bitSource, max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := genMask(max)
	if max <= 0xFFFFFFFF {
		for {
			if v := uint64(src.Uint32()) & mask; v <= max {
				return v
			}
		}
	}
	for {
		if v := src.Uint64() & mask; v <= max {
			return v
		}
	}
}

// shuffleRows is Fisher-Yates over the first axis of a as numpy does it:
// for i from n-1 down to 1, swap row i with row interval(i). Rows of a
// multi-dimensional array are swapped whole; the draws are the same
// whatever the rows hold.
func shuffleRows[T runtime.Elem](src bitSource, a *runtime.Array[T]) {
	n := a.Shape[0]
	offs := rowOffsets(a)
	for i := n - 1; i >= 1; i-- {
		j := int(interval(src, uint64(i)))
		pi := a.Offset + i*a.Strides[0]
		pj := a.Offset + j*a.Strides[0]
		for _, o := range offs {
			a.Data[pi+o], a.Data[pj+o] = a.Data[pj+o], a.Data[pi+o]
		}
	}
}

// rowOffsets lists the Data offsets of the elements of a[0] relative to
// its start, in C order.
func rowOffsets[T runtime.Elem](a *runtime.Array[T]) []int {
	shape, st := a.Shape[1:], a.Strides[1:]
	n := 1
	for _, d := range shape {
		n *= d
	}
	out := make([]int, 0, n)
	if n == 0 {
		return out
	}
	idx := make([]int, len(shape))
	for {
		o := 0
		for k, x := range idx {
			o += x * st[k]
		}
		out = append(out, o)
		k := len(idx) - 1
		for ; k >= 0; k-- {
			idx[k]++
			if idx[k] < shape[k] {
				break
			}
			idx[k] = 0
		}
		if k < 0 {
			return out
		}
	}
}

// takeRows returns a fresh C-contiguous array whose row k is a[perm[k]].
func takeRows[T runtime.Elem](a *runtime.Array[T], perm []int64) *runtime.Array[T] {
	out := runtime.Zeros[T](a.Shape...)
	offs := rowOffsets(a)
	for k, p := range perm {
		base := a.Offset + int(p)*a.Strides[0]
		row := out.Data[k*len(offs) : (k+1)*len(offs)]
		for n, o := range offs {
			row[n] = a.Data[base+o]
		}
	}
	return out
}
