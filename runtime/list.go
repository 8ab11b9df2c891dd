package runtime

import (
	"cmp"
	"slices"
)

// Python lists in generated code. A list of scalars is a Go slice, held by
// value: every operation that changes a list returns the changed slice
// (generated code assigns it back), as append does, and generated code
// never lets two variables share one list (a second name is a copy).

// ListSort is l.sort(reverse=rev): a stable sort by Python's <, so
// elements that compare equal keep their order, also when rev holds (as
// Python's reverse=True does). Lists holding a NaN have no total order;
// Python's timsort and this merge sort may then order them differently.
func ListSort[T cmp.Ordered](l []T, rev bool) []T {
	if rev {
		slices.SortStableFunc(l, func(a, b T) int { return lessCmp(b < a, a < b) })
	} else {
		slices.SortStableFunc(l, func(a, b T) int { return lessCmp(a < b, b < a) })
	}
	return l
}

// ListSortBool is ListSort of a list of bools (False < True).
func ListSortBool(l []bool, rev bool) []bool {
	n := 0 // the Falses first (last when rev); equal bools are alike
	for _, b := range l {
		if !b {
			n++
		}
	}
	if rev {
		n = len(l) - n
	}
	for i := range l {
		l[i] = (i >= n) != rev
	}
	return l
}

// lessCmp is a comparison result from a < b and b < a.
func lessCmp(lt, gt bool) int {
	switch {
	case lt:
		return -1
	case gt:
		return 1
	}
	return 0
}
