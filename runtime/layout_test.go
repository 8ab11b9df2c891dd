package runtime

import (
	"strconv"
	"strings"
	"testing"
)

// TestLayoutStridesNumpy checks LayoutStrides against the strides numpy
// 1.24 gives ufunc outputs (x * 2.0 and x + y) for random views:
// transposes, steps (negative too), size-1 axes and broadcasting.
func TestLayoutStridesNumpy(t *testing.T) {
	lines := runPython(t, `
rng = np.random.default_rng(7)
def operand(shape):
    # a view of the given shape: a permuted, strided window of a bigger array
    r = len(shape)
    perm = rng.permutation(r)
    steps = [int(rng.choice([1, 1, 2, -1, -2])) for _ in range(r)]
    base_shape = [0] * r
    for k in range(r):
        base_shape[perm[k]] = shape[k] * abs(steps[k])
    b = np.zeros(base_shape)
    v = b.transpose(perm)
    v = v[tuple(slice(None, None, s) for s in steps)]
    assert v.shape == tuple(shape), (v.shape, shape)
    return v
def fmt(xs): return ','.join(str(int(x)) for x in xs)
for case in range(400):
    r = int(rng.integers(1, 5))
    shape = [int(rng.choice([1, 2, 3, 4])) for _ in range(r)]
    nop = int(rng.integers(1, 3))
    ops = []
    for i in range(nop):
        rr = int(rng.integers(1, r + 1)) if i else r
        sh = [d if i == 0 or rng.random() < 0.8 else 1 for d in shape[r - rr:]]
        ops.append(operand(sh))
    out = ops[0] * 2.0 if nop == 1 else ops[0] + ops[1]
    assert list(out.shape) == shape
    bs = [np.broadcast_to(o, shape).strides for o in ops]
    print(fmt(shape), ' '.join(fmt(s // 8 for s in st) for st in bs), fmt(s // 8 for s in out.strides))
`, "")
	if len(lines) != 400 {
		t.Fatalf("got %d lines", len(lines))
	}
	ints := func(s string) []int {
		var out []int
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatalf("bad int %q", f)
			}
			out = append(out, n)
		}
		return out
	}
	for _, ln := range lines {
		f := strings.Fields(ln)
		shape := ints(f[0])
		var ops [][]int
		for _, s := range f[1 : len(f)-1] {
			ops = append(ops, ints(s))
		}
		want := ints(f[len(f)-1])
		got := LayoutStrides(shape, ops...)
		if !equalInts(got, want) {
			t.Errorf("shape %v operand strides %v: got %v, numpy %v", shape, ops, got, want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestZerosLayout2 checks the broadcasting of the two operands and that the
// layout costs no allocation beyond Zeros'.
func TestZerosLayout2(t *testing.T) {
	m := Zeros[float64](3, 4)
	mt := m.Transpose()
	v := Zeros[float64](3)
	for _, c := range []struct {
		x, y         *Array[float64]
		shape, strds []int
	}{
		{mt, mt, []int{4, 3}, []int{1, 4}},
		{mt, m.Transpose().Transpose().Transpose(), []int{4, 3}, []int{1, 4}},
		{mt, Zeros[float64](4, 3), []int{4, 3}, []int{3, 1}},
		{mt, v, []int{4, 3}, []int{1, 4}},
		{v, mt, []int{4, 3}, []int{1, 4}},
		{m.Slice(1, 3, -1, -1), m.Slice(1, 3, -1, -1), []int{3, 4}, []int{4, 1}},
	} {
		a := ZerosLayout2[float64](len(c.shape), c.x.Shape, c.x.Strides, c.y.Shape, c.y.Strides)
		if !equalInts(a.Shape, c.shape) || !equalInts(a.Strides, c.strds) || len(a.Data) != 12 {
			t.Errorf("got shape %v strides %v, want %v %v", a.Shape, a.Strides, c.shape, c.strds)
		}
	}
	want := testing.AllocsPerRun(100, func() { _ = Zeros[float64](4, 3) })
	got := testing.AllocsPerRun(100, func() {
		_ = ZerosLayout2[float64](2, mt.Shape, mt.Strides, v.Shape, v.Strides)
	})
	if got != want {
		t.Errorf("ZerosLayout2 allocates %v times, Zeros %v", got, want)
	}
}
