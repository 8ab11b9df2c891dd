package runtime

import (
	"cmp"
	"slices"
)

// Python lists in generated code. A list of scalars is a Go slice, held by
// value: every operation that changes a list returns the changed slice
// (generated code assigns it back), as append does, and generated code
// never lets two variables share one list (a second name is a copy).

// ListCopy returns a new list with l's elements (Python's l.copy(),
// list(l), b = a in generated code).
func ListCopy[T any](l []T) []T {
	return append(make([]T, 0, len(l)), l...)
}

// ListInsert is l.insert(i, x) with 0 <= i <= len(l) (the caller clamps
// i as Python does).
func ListInsert[T any](l []T, i int64, x T) []T {
	return slices.Insert(l, int(i), x)
}

// ListPop is l.pop(i) with 0 <= i < len(l) (checked by the caller): the
// list without element i, and that element.
func ListPop[T any](l []T, i int64) ([]T, T) {
	x := l[i]
	return slices.Delete(l, int(i), int(i)+1), x
}

// ListReverse is l.reverse().
func ListReverse[T any](l []T) []T {
	slices.Reverse(l)
	return l
}

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
