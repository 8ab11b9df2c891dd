package bench

import (
	"testing"

	"github.com/pyc2go/pyc2go/bench/kernels"
	"github.com/pyc2go/pyc2go/bench/kernels0"
	"github.com/pyc2go/pyc2go/runtime"
)

// The -O0 forms of the kernels (bench/kernels0: no optional pass) on the
// inputs of their -O2 benchmarks in bench_test.go, so that one run of
// go test -bench gives what the loop passes (licm, contig, stride, window)
// buy; and strided inputs, which take the general (strided) path the
// passes keep beside the unit-stride one.

func BenchmarkAxpyO0(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		r, err := kernels0.Axpy(2.5, x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	}
}

func BenchmarkTriadO0(b *testing.B) {
	x, y, z := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		if err := kernels0.Triad(z, x, y, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSqdistO0(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		s, err := kernels0.Sqdist(x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkF = s
	}
}

func BenchmarkHeatStepO0(b *testing.B) {
	u, _, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		if err := kernels0.HeatStep(u, 0.1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatExpr1000x1000O0(b *testing.B) {
	m1, m2 := matInputs()
	b.ReportAllocs()
	for b.Loop() {
		r, err := kernels0.MatExpr(m1, m2)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	}
}

func BenchmarkDotLoopO0(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		s, err := kernels0.DotLoop(x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkF = s
	}
}

// stride2 views every other element of a fresh 2n-element ramp: n
// elements with stride 2, as x[::2] in numpy.
func stride2(n int, step float64) *runtime.Array[float64] {
	a := ramp(2*n, step)
	return &runtime.Array[float64]{Data: a.Data, Shape: []int{n}, Strides: []int{2}}
}

// transpose views a's transpose.
func transpose(a *runtime.Array[float64]) *runtime.Array[float64] {
	return &runtime.Array[float64]{Data: a.Data, Shape: []int{a.Shape[1], a.Shape[0]}, Strides: []int{a.Strides[1], a.Strides[0]}, Offset: a.Offset}
}

func matInputs() (m1, m2 *runtime.Array[float64]) {
	m1, m2 = runtime.Zeros[float64](benchDim, benchDim), runtime.Zeros[float64](benchDim, benchDim)
	x, y, _ := benchInputs()
	copy(m1.Data, x.Data)
	copy(m2.Data, y.Data)
	return m1, m2
}

// BenchmarkTriadStride2 is the triad on stride-2 views: the strided path.
func BenchmarkTriadStride2(b *testing.B) {
	x, y, z := stride2(benchN, 1), stride2(benchN, -0.5), stride2(benchN, 0.25)
	for _, k := range []struct {
		name  string
		triad func(z, x, y *runtime.Array[float64], s float64) error
	}{{"O2", kernels.Triad}, {"O0", kernels0.Triad}} {
		b.Run(k.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := k.triad(z, x, y, 3); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMatExprTransposed is mat_expr on transposed matrices: the inner
// loop walks columns (stride 1000), the strided path.
func BenchmarkMatExprTransposed(b *testing.B) {
	m1, m2 := matInputs()
	t1, t2 := transpose(m1), transpose(m2)
	for _, k := range []struct {
		name string
		expr func(a, b *runtime.Array[float64]) (*runtime.Array[float64], error)
	}{{"O2", kernels.MatExpr}, {"O0", kernels0.MatExpr}} {
		b.Run(k.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := k.expr(t1, t2)
				if err != nil {
					b.Fatal(err)
				}
				sinkA = r
			}
		})
	}
}
