package runtime

import "unsafe"

// Overlaps reports whether an elementwise loop writing dst may read, through
// src, an element it has already written: the two arrays' element ranges
// [lowest, highest address] intersect and src is not exactly the same view
// as dst (same first element, shape and strides), which elementwise code
// reads before writing, as numpy's overlap rule allows. It compares
// addresses, so it also sees overlap between arrays that Go code built on
// overlapping slices. Like np.may_share_memory it is conservative: true
// can mean "no element actually shared" (interleaved strided views), which
// only costs the caller a temporary copy. The IR intrinsic overlaps.
func Overlaps[T Elem](dst, src *Array[T]) bool {
	dlo, dhi, ok1 := addrRange(dst)
	slo, shi, ok2 := addrRange(src)
	if !ok1 || !ok2 || dhi < slo || shi < dlo {
		return false
	}
	return !sameView(dst, src)
}

// MayShare reports whether a and b may share an element: their element
// ranges [lowest, highest address] intersect (np.may_share_memory). Unlike
// Overlaps, the same view counts, because loop-nest passes that reorder
// iterations (interchange, tile) must not reorder a write and a read of
// one element through two names. Conservative like Overlaps. The IR
// intrinsic may_share.
func MayShare[T Elem](a, b *Array[T]) bool {
	alo, ahi, ok1 := addrRange(a)
	blo, bhi, ok2 := addrRange(b)
	return ok1 && ok2 && alo <= bhi && blo <= ahi
}

// addrRange is the address range of a's elements; ok is false for an empty
// array, which shares nothing.
func addrRange[T Elem](a *Array[T]) (lo, hi uintptr, ok bool) {
	if a.Size() == 0 {
		return 0, 0, false
	}
	first, last := a.Offset, a.Offset
	for k, d := range a.Shape {
		if s := a.Strides[k]; s > 0 {
			last += (d - 1) * s
		} else {
			first += (d - 1) * s
		}
	}
	lo = uintptr(unsafe.Pointer(&a.Data[first]))
	hi = uintptr(unsafe.Pointer(&a.Data[last])) + unsafe.Sizeof(a.Data[0]) - 1
	return lo, hi, true
}

func sameView[T Elem](a, b *Array[T]) bool {
	if &a.Data[a.Offset] != &b.Data[b.Offset] || len(a.Shape) != len(b.Shape) {
		return false
	}
	for k := range a.Shape {
		if a.Shape[k] != b.Shape[k] || (a.Shape[k] > 1 && a.Strides[k] != b.Strides[k]) {
			return false
		}
	}
	return true
}
