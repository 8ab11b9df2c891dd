package runtime

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unsafe"
)

// MemoryError is the class of the exception an allocation too large for
// the machine raises.
const MemoryError = "MemoryError"

// msgTooBig is numpy's ValueError for a shape whose size in bytes
// overflows npy_intp.
const msgTooBig = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."

// allocCount is the number of elements of a fresh array of shape and
// element type T, checked as numpy's array constructor checks it. The
// product of the non-zero extents times the element size must fit in an
// int64 (else numpy's ValueError "array is too big", even when another
// extent is 0), and the bytes must fit in the machine's memory and swap,
// beyond which Linux refuses the allocation and numpy raises MemoryError
// ("Unable to allocate 72.8 TiB for an array with shape (10000000000000,)
// and data type float64"). Go cannot recover from running out of memory
// (the process dies with "fatal error: out of memory"), so the request is
// refused before it is made. Both are raised as panics carrying a *Error:
// the run and verify harness reports them as the Python exceptions, and
// callers of the Go API can recover them (README, The generated Go API).
// Negative extents are the generated code's check, before the call.
func allocCount[T Elem](shape []int) int {
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	nbytes, count := size, 1
	for _, d := range shape {
		if d < 0 {
			panic(fmt.Sprintf("runtime: negative dimension in shape %v", cloneShape(shape)))
		}
		count *= d
		if d == 0 {
			continue
		}
		hi, lo := bits.Mul64(nbytes, uint64(d))
		if hi != 0 || lo > math.MaxInt64 {
			panic(&Error{Type: ValueError, Msg: msgTooBig})
		}
		nbytes = lo
	}
	if count != 0 && nbytes > memoryLimit() {
		panic(&Error{Type: MemoryError, Msg: "Unable to allocate " + sizeString(nbytes) + " for an array with shape " +
			pyShape(shape) + " and data type " + DtypeName(DtypeOf[T]())})
	}
	return count
}

// sizeString is numpy's _ArrayMemoryError._size_to_string: a byte count
// in the largest binary unit below it, with three significant digits
// ("72.8 TiB", "4.00 EiB", "512 bytes").
func sizeString(n uint64) string {
	const step = 1024
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	unit := max(bits.Len64(n)-1, 1) / 10
	v := float64(n) / float64(uint64(1)<<(10*unit))
	if math.RoundToEven(v) == step {
		unit++
		v /= step
	}
	switch {
	case unit == 0:
		return strconv.FormatFloat(v, 'f', 0, 64) + " " + units[unit]
	case math.RoundToEven(v) < 1000:
		return formatAlternate3g(v) + " " + units[unit]
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + ". " + units[unit]
}

// formatAlternate3g is Python's format(v, '#.3g') for 1 <= v < 999.5:
// three significant digits, with the point and trailing zeros kept
// ("4.00", "72.8", "100.").
func formatAlternate3g(v float64) string {
	s := strconv.FormatFloat(v, 'g', 3, 64)
	if !strings.Contains(s, ".") {
		s += "."
	}
	for digits := len(s) - 1; digits < 3; digits++ {
		s += "0"
	}
	return s
}
