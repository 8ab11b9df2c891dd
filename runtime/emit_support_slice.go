package runtime

// SliceAdjust is one given bound x (start or stop) of a slice of an axis of
// length n, adjusted as CPython's PySlice_AdjustIndices does (numpy uses it
// for every sliced axis): a negative x counts from the end, then the bound
// is clamped to [0, n] for step > 0 and to [-1, n-1] for step < 0. The
// caller has checked step != 0. Generated code calls it for the IR
// intrinsic slice_adjust.
func SliceAdjust(n, x, step int64) int64 {
	if x < 0 {
		x += n
		if x < 0 {
			if step < 0 {
				return -1
			}
			return 0
		}
		return x
	}
	if x >= n {
		if step < 0 {
			return n - 1
		}
		return n
	}
	return x
}

// SliceLen is the number of elements of a slice with adjusted bounds
// (CPython's slicelength, len(range(start, stop, step))); the IR intrinsic
// slice_len.
func SliceLen(start, stop, step int64) int64 {
	switch {
	case step > 0 && start < stop:
		return (stop-start-1)/step + 1
	case step < 0 && stop < start:
		return (start-stop-1)/(-step) + 1
	}
	return 0
}
