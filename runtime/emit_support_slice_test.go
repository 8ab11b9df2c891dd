package runtime

import (
	"fmt"
	"strings"
	"testing"
)

// TestSliceAdjustLen compares with CPython's slice.indices and len(range).
func TestSliceAdjustLen(t *testing.T) {
	steps := []int64{-3, -2, -1, 1, 2, 3}
	var got []string
	for n := int64(0); n <= 6; n++ {
		for x := int64(-9); x <= 9; x++ {
			for _, s := range steps {
				got = append(got, fmt.Sprint(SliceAdjust(n, x, s)))
			}
		}
	}
	for a := int64(-2); a <= 8; a++ {
		for b := int64(-2); b <= 8; b++ {
			for _, s := range steps {
				got = append(got, fmt.Sprint(SliceLen(a, b, s)))
			}
		}
	}
	want := runPython(t, `
steps = [-3, -2, -1, 1, 2, 3]
for n in range(0, 7):
    for x in range(-9, 10):
        for s in steps:
            print(slice(x, x, s).indices(n)[0])
for a in range(-2, 9):
    for b in range(-2, 9):
        for s in steps:
            print(len(range(a, b, s)))
`, "")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range want {
			if i >= len(got) || got[i] != want[i] {
				t.Fatalf("line %d: got %v, CPython %s", i, got[min(i, len(got)-1)], want[i])
			}
		}
		t.Fatalf("got %d lines, CPython %d", len(got), len(want))
	}
}

// TestOverlaps compares with np.may_share_memory on 1-d slices of one
// buffer (where bounds intersection is what numpy computes), with the same
// view excepted, as the overlaps intrinsic specifies.
func TestOverlaps(t *testing.T) {
	base := FromSlice(make([]float64, 10), 10)
	type sl struct{ start, stop, step int64 }
	var sls []sl
	for _, s := range []int64{-3, -1, 1, 2} {
		for a := int64(-1); a <= 10; a += 3 {
			for b := int64(-1); b <= 10; b += 4 {
				sls = append(sls, sl{a, b, s})
			}
		}
	}
	view := func(x sl) *Array[float64] {
		start, stop, step, _ := SliceIndices(10, x.start, x.stop, x.step, true, true)
		return base.Slice(0, int(start), int(stop), int(step))
	}
	var got []string
	var py strings.Builder
	py.WriteString("b = np.zeros(10)\nfor d, s in [")
	for _, d := range sls {
		for _, s := range sls {
			got = append(got, fmt.Sprint(Overlaps(view(d), view(s))))
			fmt.Fprintf(&py, "((%d, %d, %d), (%d, %d, %d)), ", d.start, d.stop, d.step, s.start, s.stop, s.step)
		}
	}
	py.WriteString(`]:
    dv, sv = b[slice(*d)], b[slice(*s)]
    same = dv.size > 0 and dv.__array_interface__['data'][0] == sv.__array_interface__['data'][0] and dv.shape == sv.shape and (dv.strides == sv.strides or dv.size == 1)
    print(bool(np.may_share_memory(dv, sv)) and not same)
`)
	want := runPython(t, py.String(), "")
	for i := range want {
		if strings.ToLower(want[i]) != got[i] {
			t.Errorf("pair %d: Overlaps = %s, numpy %s", i, got[i], want[i])
		}
	}
	// Other arrays: distinct buffers, a transpose of itself, 0-size.
	m := FromSlice(make([]float64, 6), 2, 3)
	if !Overlaps(m.Transpose().Transpose().Slice(0, 1, 2, 1), m) {
		t.Errorf("row 1 of m and m do not overlap")
	}
	if Overlaps(m, m.Transpose().Transpose()) {
		t.Errorf("m and an identical view of m overlap")
	}
	if Overlaps(m, Zeros[float64](2, 3)) {
		t.Errorf("distinct buffers overlap")
	}
	if Overlaps(m.Slice(0, 0, 0, 1), m) {
		t.Errorf("an empty view overlaps")
	}
}
