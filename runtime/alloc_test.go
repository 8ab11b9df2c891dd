package runtime

import (
	"errors"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSizeStringVsNumpy holds sizeString to numpy's own formatting of a
// MemoryError's size, on the unit boundaries, the rounding edges (1023.5
// KiB is "1.00 MiB"), the largest counts and random ones.
func TestSizeStringVsNumpy(t *testing.T) {
	ns := []uint64{0, 1, 2, 512, 1023, 1024, 1025, 1048064, 1048063, 1048575, 1048576, 10239, 10240, 102348, 1022976, 1023488,
		1 << 40, 80000000000000, 1 << 60, 1<<63 - 1, 1 << 63, math.MaxUint64}
	r := rand.New(rand.NewSource(1))
	for range 300 {
		ns = append(ns, r.Uint64()>>uint(r.Intn(64)))
	}
	var in strings.Builder
	for _, n := range ns {
		in.WriteString(strconv.FormatUint(n, 10) + "\n")
	}
	want := runPython(t, `
from numpy.core._exceptions import _ArrayMemoryError
for line in sys.stdin:
    print(_ArrayMemoryError._size_to_string(int(line)))
`, in.String())
	got := make([]string, len(ns))
	for i, n := range ns {
		got[i] = sizeString(n)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sizeString differs from numpy (-numpy +pyc2go):\n%s", d)
	}
}

// TestZerosRefusesAsNumpy checks the exceptions of a fresh array numpy
// cannot make: a byte size beyond int64 (ValueError, even beside an extent
// 0) and one beyond the machine (MemoryError, numpy's message, from
// numpy itself), each a panic carrying the *Error.
func TestZerosRefusesAsNumpy(t *testing.T) {
	shapes := [][]int{{1 << 61}, {0, 1 << 61}, {1 << 32, 1 << 32}, {10000000000000}, {1000000, 1000000}}
	var in strings.Builder
	for _, s := range shapes {
		in.WriteString(strings.ReplaceAll(fmtInts(s), " ", ",") + "\n")
	}
	want := runPython(t, `
for line in sys.stdin:
    try:
        np.zeros(tuple(int(d) for d in line.split(",")))
        print("ok")
    except (ValueError, MemoryError) as e:
        print(type(e).__name__ + ": " + str(e))
`, in.String())
	var got []string
	for _, s := range shapes {
		got = append(got, zerosOutcome(s))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Zeros differs from np.zeros (-numpy +pyc2go):\n%s", d)
	}
}

func fmtInts(s []int) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, " ")
}

// zerosOutcome is Zeros[float64](shape...) as "ok" or "Class: message".
func zerosOutcome(shape []int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			var e *Error
			if err, ok := r.(error); ok && errors.As(err, &e) {
				out = e.Type + ": " + e.Msg
				return
			}
			out = "panic"
		}
	}()
	Zeros[float64](shape...)
	return "ok"
}
