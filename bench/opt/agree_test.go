package opt

import (
	"slices"
	"testing"

	"github.com/pyc2go/pyc2go/bench/opt/o0"
	"github.com/pyc2go/pyc2go/bench/opt/o2"
	"github.com/pyc2go/pyc2go/runtime"
)

// TestImplsAgree runs the three versions of each kernel on shapes that
// leave partial tiles and checks they compute the same bits, so the
// benchmarks compare equal work. (The corpus checks the compiled kernels
// against CPython; this checks hand.go.)
func TestImplsAgree(t *testing.T) {
	const n, p, m = 67, 45, 133
	same := func(name string, got, want []float64) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: results differ", name)
		}
	}
	a, bm := matrix(n, p), matrix(p, m)
	for i := range a.Data {
		a.Data[i] += float64(i) / 7 // inexact values: order matters
	}
	c0, c2, cg := runtime.Zeros[float64](n, m), runtime.Zeros[float64](n, m), runtime.Zeros[float64](n, m)
	must(o0.Matmul(a, bm, c0))
	must(o2.Matmul(a, bm, c2))
	Matmul(a.Data, bm.Data, cg.Data, n, p, m)
	same("matmul -O2", c2.Data, c0.Data)
	same("matmul Go", cg.Data, c0.Data)

	t0, t2, tg, tn := runtime.Zeros[float64](p, n), runtime.Zeros[float64](p, n), runtime.Zeros[float64](p, n), runtime.Zeros[float64](p, n)
	must(o0.Transpose(a, t0))
	must(o2.Transpose(a, t2))
	Transpose(a.Data, tg.Data, n, p)
	TransposeNaive(a.Data, tn.Data, n, p)
	same("transpose -O2", t2.Data, t0.Data)
	same("transpose Go", tg.Data, t0.Data)
	same("transpose Go naive", tn.Data, t0.Data)

	s0, s2, sg := runtime.Zeros[float64](p), runtime.Zeros[float64](p), runtime.Zeros[float64](p)
	must(o0.Colsum(a, s0))
	must(o2.Colsum(a, s2))
	Colsum(a.Data, sg.Data, n, p)
	same("colsum -O2", s2.Data, s0.Data)
	same("colsum Go", sg.Data, s0.Data)

	x, y := vector(1000), vector(1000)
	y.Data[3] = 1.0 / 3
	r0, r2, rg := runtime.Zeros[float64](1000), runtime.Zeros[float64](1000), runtime.Zeros[float64](1000)
	must(o0.Triad(r0, x, y, 1.5))
	must(o2.Triad(r2, x, y, 1.5))
	Triad(rg.Data, x.Data, y.Data, 1.5)
	same("triad -O2", r2.Data, r0.Data)
	same("triad Go", rg.Data, r0.Data)
}
