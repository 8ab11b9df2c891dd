package runtime

import (
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sumData returns n doubles whose magnitudes span 20 decades with signs
// mixed and a few exact cancellations and negative zeros, so that any
// change of summation order changes the rounded result.
func sumData(seed int64, n int) []float64 {
	r := rand.New(rand.NewSource(seed))
	out := make([]float64, n)
	for i := range out {
		switch r.Intn(20) {
		case 0:
			out[i] = math.Copysign(0, -1)
		case 1:
			out[i] = 1e15 * float64(r.Intn(3)-1)
		default:
			out[i] = r.NormFloat64() * math.Pow(10, float64(r.Intn(21)-10))
		}
	}
	return out
}

func writeNpyT(t *testing.T, dir, name string, a *NpyArray) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := WriteNpyFile(p, a); err != nil {
		t.Fatal(err)
	}
	return p
}

// sumSizes are the prefix lengths checked: every size up to 1000 and the
// sizes around the 8192-element chunking and a few large ones.
func sumSizes() []int {
	var s []int
	for n := 0; n <= 1000; n++ {
		s = append(s, n)
	}
	return append(s, 1023, 1024, 1025, 4096, 8191, 8192, 8193, 8200, 16383, 16384, 16385, 24577, 100000, 1000000)
}

func TestSumVsNumpy(t *testing.T) {
	dir := t.TempDir()
	const N = 1000000
	f64 := sumData(1, N)
	f32 := make([]float32, N)
	for i, x := range f64 {
		f32[i] = float32(x)
	}
	writeNpyT(t, dir, "f64.npy", &NpyArray{Shape: []int{N}, Data: f64})
	writeNpyT(t, dir, "f32.npy", &NpyArray{Shape: []int{N}, Data: f32})
	sizes := sumSizes()
	var in strings.Builder
	for _, n := range sizes {
		fmt.Fprintln(&in, n)
	}
	out := runPython(t, `
import warnings; warnings.simplefilter('ignore')
d = sys.argv[1]
a64 = np.load(d + '/f64.npy'); a32 = np.load(d + '/f32.npy')
h64 = lambda x: '%016x' % np.float64(x).view(np.uint64)
h32 = lambda x: '%08x' % np.float32(x).view(np.uint32)
for n in map(int, sys.stdin.read().split()):
    print(h64(np.sum(a64[:n])), h64(np.mean(a64[:n])), h32(np.sum(a32[:n])), h32(np.mean(a32[:n])),
          h64(np.sum(a64[:3*n:3])), h64(np.sum(a64[:n][::-1])), h32(np.sum(a32[1:2*n+1:2][::-1])))
`, in.String(), dir)
	if len(out) != len(sizes) {
		t.Fatalf("python printed %d lines for %d sizes", len(out), len(sizes))
	}
	A64, A32 := FromSlice(f64, N), FromSlice(f32, N)
	h64 := func(x float64) string { return fmt.Sprintf("%016x", math.Float64bits(x)) }
	h32 := func(x float32) string { return fmt.Sprintf("%08x", math.Float32bits(x)) }
	bad := 0
	for i, n := range sizes {
		p64 := A64.Slice(0, 0, n, 1)
		p32 := A32.Slice(0, 0, n, 1)
		_, _, _, l3 := SliceIndices(N, 0, int64(3*n), 3, true, true)
		_, _, _, l2 := SliceIndices(N, 1, int64(2*n+1), 2, true, true)
		s2 := A32.Slice(0, 1, 1+2*int(l2)-1, 2)
		got := strings.Join([]string{
			h64(SumFloat(p64)), h64(MeanFloat(p64)), h32(SumFloat(p32)), h32(MeanFloat(p32)),
			h64(SumFloat(A64.Slice(0, 0, 3*int(l3), 3))),
			h64(SumFloat(p64.Slice(0, n-1, -1, -1))),
			h32(SumFloat(s2.Slice(0, s2.Shape[0]-1, -1, -1))),
		}, " ")
		want := out[i]
		if n == 0 { // np.mean of nothing is nan (any payload)
			w, g := strings.Fields(want), strings.Fields(got)
			if math.IsNaN(b2f(t, w[1])) && math.IsNaN(MeanFloat(p64)) {
				w[1] = g[1]
			}
			if u, _ := strconv.ParseUint(w[3], 16, 32); math.IsNaN(float64(math.Float32frombits(uint32(u)))) && math.IsNaN(float64(MeanFloat(p32))) {
				w[3] = g[3]
			}
			want = strings.Join(w, " ")
		}
		if got != want {
			bad++
			if bad < 10 {
				t.Errorf("n=%d: got %s, numpy %s", n, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d sizes differ", bad, len(sizes))
	}
}

func TestSumComplexVsNumpy(t *testing.T) {
	dir := t.TempDir()
	const N = 100000
	re, im := sumData(7, N), sumData(8, N)
	c128 := make([]complex128, N)
	c64 := make([]complex64, N)
	for i := range c128 {
		c128[i] = complex(re[i], im[i])
		c64[i] = complex64(c128[i])
	}
	writeNpyT(t, dir, "c128.npy", &NpyArray{Shape: []int{N}, Data: c128})
	writeNpyT(t, dir, "c64.npy", &NpyArray{Shape: []int{N}, Data: c64})
	var sizes []int
	for n := 0; n <= 300; n++ {
		sizes = append(sizes, n)
	}
	sizes = append(sizes, 8191, 8192, 8193, 16385, 50001, N)
	var in strings.Builder
	for _, n := range sizes {
		fmt.Fprintln(&in, n)
	}
	out := runPython(t, `
d = sys.argv[1]
a = np.load(d + '/c128.npy'); b = np.load(d + '/c64.npy')
for n in map(int, sys.stdin.read().split()):
    s, u = np.sum(a[:n]), np.sum(b[:n])
    print('%016x %016x %08x %08x' % (s.real.view(np.uint64), s.imag.view(np.uint64), u.real.view(np.uint32), u.imag.view(np.uint32)))
`, in.String(), dir)
	A, B := FromSlice(c128, N), FromSlice(c64, N)
	bad := 0
	for i, n := range sizes {
		s, u := SumComplex(A.Slice(0, 0, n, 1)), SumComplex(B.Slice(0, 0, n, 1))
		got := fmt.Sprintf("%016x %016x %08x %08x", math.Float64bits(real(s)), math.Float64bits(imag(s)),
			math.Float32bits(real(u)), math.Float32bits(imag(u)))
		if got != out[i] {
			bad++
			if bad < 10 {
				t.Errorf("n=%d: got %s, numpy %s", n, got, out[i])
			}
		}
	}
}

// TestSumAxisVsNumpy compares np.sum(a, axis=k) for C-ordered arrays of
// many shapes, including unit extents (which make a column contiguous).
func TestSumAxisVsNumpy(t *testing.T) {
	dir := t.TempDir()
	shapes := [][]int{{3, 5}, {2, 100}, {5, 1000}, {3, 20000}, {1000, 3}, {20000, 2}, {100, 9}, {7, 8193},
		{300, 300}, {9000, 1}, {1, 9000}, {2, 1}, {1, 1}, {0, 5}, {5, 0}, {10000, 10}, {130, 1, 2},
		{3, 4, 5}, {2, 9000, 1}, {40, 200, 1, 1}, {6, 1, 300}}
	var in strings.Builder
	for i, sh := range shapes {
		n := shapeProduct(sh)
		writeNpyT(t, dir, fmt.Sprintf("a%d.npy", i), &NpyArray{Shape: sh, Data: sumData(int64(100+i), n)})
		f := make([]float32, n)
		for j, x := range sumData(int64(200+i), n) {
			f[j] = float32(x)
		}
		writeNpyT(t, dir, fmt.Sprintf("b%d.npy", i), &NpyArray{Shape: sh, Data: f})
		fmt.Fprintln(&in, i, len(sh))
	}
	runPython(t, `
d = sys.argv[1]
for line in sys.stdin:
    i, nd = map(int, line.split())
    for p in 'ab':
        a = np.load('%s/%s%d.npy' % (d, p, i))
        for k in range(nd):
            np.save('%s/%s%d_sum%d.npy' % (d, p, i, k), np.sum(a, axis=k))
`, in.String(), dir)
	for i, sh := range shapes {
		for k := range sh {
			checkAxis[float64](t, dir, fmt.Sprintf("a%d", i), k)
			checkAxis[float32](t, dir, fmt.Sprintf("b%d", i), k)
		}
	}
}

func checkAxis[T ~float32 | ~float64](t *testing.T, dir, name string, k int) {
	t.Helper()
	load := func(f string) *Array[T] {
		n, err := ReadNpyFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		a, err := ArrayFromNpy[T](n)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := load(name + ".npy")
	want := load(fmt.Sprintf("%s_sum%d.npy", name, k))
	got := SumAxis(a, k)
	if fmt.Sprint(got.Shape) != fmt.Sprint(want.Shape) {
		t.Fatalf("%s axis %d: shape %v, numpy %v", name, k, got.Shape, want.Shape)
	}
	for j, w := range want.Flat() {
		g := got.Flat()[j]
		if math.Float64bits(float64(g)) != math.Float64bits(float64(w)) {
			t.Errorf("%s %v axis %d: element %d = %v, numpy %v", name, a.Shape, k, j, g, w)
			return
		}
	}
}

// TestKeepOrderFlat pins the element order of numpy's axis=None reduction
// for non-contiguous views: axes by decreasing |stride|, C order on ties,
// negative strides walked as they are.
func TestKeepOrderFlat(t *testing.T) {
	m := FromSlice([]float64{0, 1, 2, 3, 4, 5}, 2, 3) // [[0 1 2] [3 4 5]]
	tr := &Array[float64]{Data: m.Data, Shape: []int{3, 2}, Strides: []int{1, 3}}
	rev := &Array[float64]{Data: m.Data, Offset: 5, Shape: []int{2, 3}, Strides: []int{-3, -1}}
	trRev := &Array[float64]{Data: m.Data, Offset: 2, Shape: []int{3, 2}, Strides: []int{-1, 3}} // m.T[::-1]
	cols := &Array[float64]{Data: m.Data, Offset: 1, Shape: []int{2, 2}, Strides: []int{3, 1}}   // m[:, 1:]
	for _, c := range []struct {
		a    *Array[float64]
		want []float64
	}{
		{tr, []float64{0, 1, 2, 3, 4, 5}},
		{rev, []float64{5, 4, 3, 2, 1, 0}},
		{trRev, []float64{2, 1, 0, 5, 4, 3}},
		{cols, []float64{1, 2, 4, 5}},
	} {
		if got := keepOrderFlat(c.a); !slices.Equal(got, c.want) {
			t.Errorf("keepOrderFlat(shape %v strides %v) = %v, want %v", c.a.Shape, c.a.Strides, got, c.want)
		}
	}
}

// TestSumAxisView: a non-contiguous view reduced along an axis keeps a's
// axis order in the result (values here are small integers, so any order
// gives the same sums; the bit-level order is checked against numpy by
// testdata/py/arrays/sum_layouts.py).
func TestSumAxisView(t *testing.T) {
	data := make([]float64, 24)
	for i := range data {
		data[i] = float64(i)
	}
	at := &Array[float64]{Data: data, Shape: []int{4, 3, 2}, Strides: []int{1, 4, 12}} // a.T
	for axis := range 3 {
		got := SumAxis(at, axis)
		want := SumAxis(at.Copy(), axis)
		if !slices.Equal(got.Shape, want.Shape) || !slices.Equal(got.Flat(), want.Flat()) {
			t.Errorf("SumAxis(a.T, %d) = %v %v, want %v %v", axis, got.Shape, got.Flat(), want.Shape, want.Flat())
		}
	}
}
