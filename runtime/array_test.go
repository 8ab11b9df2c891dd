package runtime

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSliceIndicesVsPython checks SliceIndices against
// slice(start, stop, step).indices(n) and len(range(...)) over a grid that
// includes omitted bounds, negative bounds, out-of-range bounds and
// negative steps.
func TestSliceIndicesVsPython(t *testing.T) {
	type bound struct {
		v   int64
		has bool
	}
	bounds := []bound{{0, false}}
	for v := int64(-12); v <= 12; v++ {
		bounds = append(bounds, bound{v, true})
	}
	bounds = append(bounds, bound{1 << 40, true}, bound{-1 << 40, true})
	steps := []int64{1, 2, 3, 7, -1, -2, -3, -7, 1 << 40, -1 << 40}
	py := func(b bound) string {
		if !b.has {
			return "None"
		}
		return fmt.Sprint(b.v)
	}
	type tc struct {
		n, step     int64
		start, stop bound
	}
	var cases []tc
	var in strings.Builder
	for _, n := range []int64{0, 1, 2, 5, 10} {
		for _, st := range steps {
			for _, a := range bounds {
				for _, b := range bounds {
					cases = append(cases, tc{n, st, a, b})
					fmt.Fprintf(&in, "%d %s %s %d\n", n, py(a), py(b), st)
				}
			}
		}
	}
	out := runPython(t, `
for line in sys.stdin:
    n, a, b, s = [None if w == 'None' else int(w) for w in line.split()]
    i = slice(a, b, s).indices(n)
    print(*i, len(range(*i)))
`, in.String())
	if len(out) != len(cases) {
		t.Fatalf("python printed %d lines for %d cases", len(out), len(cases))
	}
	bad := 0
	for i, c := range cases {
		s, e, st, l := SliceIndices(c.n, c.start.v, c.stop.v, c.step, c.start.has, c.stop.has)
		got := fmt.Sprint(s, e, st, l)
		if got != out[i] {
			if bad++; bad < 10 {
				t.Errorf("slice(%s, %s, %d).indices(%d): got %s, Python %s", py(c.start), py(c.stop), c.step, c.n, got, out[i])
			}
			continue
		}
		// the normalised bounds must be accepted by Slice and select the same elements
		data := make([]int64, c.n)
		for j := range data {
			data[j] = int64(j)
		}
		v := FromSlice(data, int(c.n)).Slice(0, int(s), int(e), int(st))
		var want []int64
		for j := s; (st > 0 && j < e) || (st < 0 && j > e); j += st {
			want = append(want, j)
		}
		if got := v.Flat(); len(got) != int(l) || (l > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("Slice(%d, %d, %d) of %d: %v, want %v", s, e, st, c.n, got, want)
		}
	}
}

func TestArrayViews(t *testing.T) {
	a := FromSlice([]int64{0, 1, 2, 3, 4, 5}, 2, 3)
	if a.Ndim() != 2 || a.Size() != 6 || a.Len() != 2 || a.At(1, 2) != 5 || !a.IsCContiguous() {
		t.Fatalf("basic accessors: %+v", a)
	}
	tr := a.Transpose()
	if tr.At(2, 1) != 5 || tr.IsCContiguous() || fmt.Sprint(tr.Flat()) != "[0 3 1 4 2 5]" {
		t.Errorf("transpose: %v", tr.Flat())
	}
	tr.Set(50, 2, 1) // views share data
	if a.At(1, 2) != 50 {
		t.Errorf("transpose is not a view")
	}
	r := tr.Reshape(3, -1) // not contiguous: a copy
	r.Set(-1, 0, 0)
	if a.At(0, 0) != 0 || fmt.Sprint(r.Shape) != "[3 2]" {
		t.Errorf("reshape of a transposed array must copy")
	}
	r2 := a.Reshape(-1) // contiguous: a view
	r2.Set(7, 0)
	if a.At(0, 0) != 7 || fmt.Sprint(a.Ravel().Shape) != "[6]" {
		t.Errorf("reshape of a contiguous array must be a view")
	}
	col := a.Slice(1, 2, -1, -1) // a[:, 2::-1]
	if fmt.Sprint(col.Flat()) != "[2 1 7 50 4 3]" || col.IsCContiguous() {
		t.Errorf("negative-step slice: %v", col.Flat())
	}
	c := col.Copy()
	if !c.IsCContiguous() || fmt.Sprint(c.Flat()) != fmt.Sprint(col.Flat()) {
		t.Errorf("copy: %v", c.Flat())
	}
	z := Zeros[float32]()
	if z.Ndim() != 0 || z.Size() != 1 || z.At() != 0 {
		t.Errorf("0-d zeros: %+v", z)
	}
	f := Full(true, 2, 0, 3)
	if f.Size() != 0 || !f.IsCContiguous() || len(f.Flat()) != 0 {
		t.Errorf("empty full: %+v", f)
	}
	for _, fn := range []func(){
		func() { FromSlice([]float64{1, 2, 3}, 2, 2) },
		func() { a.At(2, 0) },
		func() { a.At(-1, 0) },
		func() { a.At(0) },
		func() { z.Len() },
		func() { a.Reshape(4, -1) },
		func() { a.Slice(0, 0, 3, 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			fn()
		}()
	}
}

type meters float64

// TestArrayNpy round-trips through .npy files read by numpy, including a
// named element type and a non-contiguous view.
func TestArrayNpy(t *testing.T) {
	if DtypeOf[float64]() != "<f8" || DtypeOf[bool]() != "|b1" || DtypeOf[meters]() != "<f8" || DtypeOf[complex64]() != "<c8" {
		t.Fatal("DtypeOf")
	}
	dir := t.TempDir()
	m := FromSlice([]meters{1.5, 2, 3, 4}, 2, 2).Transpose()
	if err := WriteNpyFile(filepath.Join(dir, "m.npy"), m.Npy()); err != nil {
		t.Fatal(err)
	}
	out := runPython(t, `
a = np.load(sys.argv[1] + '/m.npy'); print(a.dtype, a.shape, a.ravel().tolist())
np.save(sys.argv[1] + '/i.npy', np.arange(6, dtype=np.int32).reshape(3, 2)[::-1])
`, "", dir)
	if len(out) != 1 || out[0] != "float64 (2, 2) [1.5, 3.0, 2.0, 4.0]" {
		t.Fatalf("numpy read %v", out)
	}
	n, err := ReadNpyFile(filepath.Join(dir, "i.npy"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ArrayFromNpy[int64](n); err == nil || !strings.Contains(err.Error(), "expected dtype int64 (<i8), found int32 (<i4)") {
		t.Errorf("dtype mismatch error: %v", err)
	}
	i32, err := ArrayFromNpy[int32](n)
	if err != nil || fmt.Sprint(i32.Shape, i32.Flat()) != "[3 2] [4 5 2 3 0 1]" {
		t.Errorf("int32: %v %v", i32, err)
	}
	mm, err := ArrayFromNpy[meters](m.Npy())
	if err != nil || mm.At(0, 1) != 3 {
		t.Errorf("named type: %v %v", mm, err)
	}
}
