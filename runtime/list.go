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

// ListSort is l.sort(reverse=rev) as CPython 3.11 sorts: with rev, the
// list is reversed, sorted and reversed again (so equal elements keep
// their order); a list of fewer than 64 elements is sorted by CPython's
// own count_run and binary insertion sort, which gives CPython's order
// even where < is no total order (NaNs); a longer one by a stable merge
// sort, the same order as CPython's timsort for every total order.
func ListSort[T cmp.Ordered](l []T, rev bool) []T {
	return pySort(l, rev, func(a, b T) bool { return a < b })
}

// ListSortBool is ListSort of a list of bools (False < True).
func ListSortBool(l []bool, rev bool) []bool {
	return pySort(l, rev, func(a, b bool) bool { return !a && b })
}

func pySort[T any](l []T, rev bool, less func(a, b T) bool) []T {
	if rev {
		slices.Reverse(l)
	}
	if len(l) < 64 {
		n := countRun(l, less)
		binarySort(l, n, less)
	} else {
		slices.SortStableFunc(l, func(a, b T) int {
			switch {
			case less(a, b):
				return -1
			case less(b, a):
				return 1
			}
			return 0
		})
	}
	if rev {
		slices.Reverse(l)
	}
	return l
}

// countRun is CPython's count_run: the length of the run at the start of
// l, ascending (l[i] >= l[i-1]) or strictly descending, which it
// reverses in place.
func countRun[T any](l []T, less func(a, b T) bool) int {
	if len(l) < 2 {
		return len(l)
	}
	n := 2
	if less(l[1], l[0]) {
		for n < len(l) && less(l[n], l[n-1]) {
			n++
		}
		slices.Reverse(l[:n])
		return n
	}
	for n < len(l) && !less(l[n], l[n-1]) {
		n++
	}
	return n
}

// binarySort is CPython's binarysort: l[:start] is sorted; each later
// element is inserted after the equal ones before it.
func binarySort[T any](l []T, start int, less func(a, b T) bool) {
	if start == 0 {
		start = 1
	}
	for ; start < len(l); start++ {
		pivot := l[start]
		lo, hi := 0, start
		for lo < hi {
			p := lo + (hi-lo)>>1
			if less(pivot, l[p]) {
				hi = p
			} else {
				lo = p + 1
			}
		}
		copy(l[lo+1:start+1], l[lo:start])
		l[lo] = pivot
	}
}
