package bench

import (
	"math"
	"testing"

	"github.com/pyc2go/pyc2go/bench/kernels"
	"github.com/pyc2go/pyc2go/runtime"
)

// Sizes of the timed benchmarks: 1e6 float64 (8 MB per array, beyond the
// L2 cache, so the loops are mostly memory bound) and a 1000x1000 matrix.
// Only go test -bench runs these; the allocation counts are TestAllocs'.
const (
	benchN   = 1_000_000
	benchDim = 1000
)

// sink keeps results alive so the compiler cannot drop the calls.
var (
	sinkF float64
	sinkI int64
	sinkA *runtime.Array[float64]
	sinkS []float64
)

func benchInputs() (x, y, z *runtime.Array[float64]) {
	return ramp(benchN, 1), ramp(benchN, -0.5), ramp(benchN, 0.25)
}

func BenchmarkAxpy(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		r, err := kernels.Axpy(2.5, x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	}
}

// BenchmarkAxpyHand is the Go a programmer would write for axpy: one
// result slice, one loop over contiguous slices.
func BenchmarkAxpyHand(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		sinkS = axpyHand(2.5, x.Data, y.Data)
	}
}

// The hand-written loops are functions of their own, like the kernels:
// written inline in a b.Loop body, the compiler keeps loop-carried values
// such as dotHand's accumulator in memory across iterations (seen with go
// tool objdump), which made the hand loop twice as slow as the generated
// one. The explicit float64() around products forbids FMA fusion (Go
// fuses a*b+c on GOAMD64=v3 otherwise), as the generated code does to stay
// bit-identical to numpy.

//go:noinline
func axpyHand(a float64, xs, ys []float64) []float64 {
	r := make([]float64, len(xs))
	ys = ys[:len(xs)]
	for i, v := range xs {
		r[i] = float64(a*v) + ys[i]
	}
	return r
}

//go:noinline
func triadHand(zs, xs, ys []float64, s float64) {
	ys, zs = ys[:len(xs)], zs[:len(xs)]
	for i, v := range xs {
		zs[i] = v + float64(s*ys[i])
	}
}

//go:noinline
func dotHand(xs, ys []float64) float64 {
	ys = ys[:len(xs)]
	s := 0.0
	for i, v := range xs {
		s += float64(v * ys[i])
	}
	return s
}

func BenchmarkTriad(b *testing.B) {
	x, y, z := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		if err := kernels.Triad(z, x, y, 3); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTriadHand is STREAM's triad z[i] = x[i] + s*y[i] in plain Go.
func BenchmarkTriadHand(b *testing.B) {
	x, y, z := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		triadHand(z.Data, x.Data, y.Data, 3)
	}
}

func BenchmarkSqdistInt(b *testing.B) {
	xi, yi := runtime.Zeros[int64](benchN), runtime.Zeros[int64](benchN)
	for i := range xi.Data {
		xi.Data[i], yi.Data[i] = int64(i%1000), int64(i%777)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := kernels.SqdistInt(xi, yi)
		if err != nil {
			b.Fatal(err)
		}
		sinkI = s
	}
}

func BenchmarkSqdist(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		s, err := kernels.Sqdist(x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkF = s
	}
}

func BenchmarkSoftmax(b *testing.B) {
	x, _, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		r, err := kernels.Softmax(x)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	}
}

func BenchmarkHeatStep(b *testing.B) {
	u, _, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		if err := kernels.HeatStep(u, 0.1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatExpr1000x1000(b *testing.B) {
	m1, m2 := runtime.Zeros[float64](benchDim, benchDim), runtime.Zeros[float64](benchDim, benchDim)
	x, y, _ := benchInputs()
	copy(m1.Data, x.Data)
	copy(m2.Data, y.Data)
	b.ReportAllocs()
	for b.Loop() {
		r, err := kernels.MatExpr(m1, m2)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	}
}

func BenchmarkDotLoop(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		s, err := kernels.DotLoop(x, y)
		if err != nil {
			b.Fatal(err)
		}
		sinkF = s
	}
}

// BenchmarkDotHand is dot_loop in plain Go (same left-to-right order).
func BenchmarkDotHand(b *testing.B) {
	x, y, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		sinkF = dotHand(x.Data, y.Data)
	}
}

// BenchmarkSoftmaxMathExp is softmax written by hand with the standard
// library's math.Exp instead of runtime.Exp (pyc2go's exp, which rounds
// correctly, as glibc's does, so results match numpy bit for bit): it
// shows how much of Softmax's time is the exponential itself. Its sum is a
// plain loop, not numpy's pairwise one, so it is a speed reference only.
func BenchmarkSoftmaxMathExp(b *testing.B) {
	x, _, _ := benchInputs()
	b.ReportAllocs()
	for b.Loop() {
		sinkS = softmaxMathExp(x.Data)
	}
}

//go:noinline
func softmaxMathExp(xs []float64) []float64 {
	m := xs[0]
	for _, v := range xs {
		if v > m || v != v {
			m = v
		}
	}
	e := make([]float64, len(xs))
	s := 0.0
	for i, v := range xs {
		e[i] = math.Exp(v - m)
		s += e[i]
	}
	for i := range e {
		e[i] /= s
	}
	return e
}

// BenchmarkExp times one runtime.Exp against one math.Exp per element.
func BenchmarkExp(b *testing.B) {
	x, _, _ := benchInputs()
	b.Run("runtime", func(b *testing.B) {
		for b.Loop() {
			sinkF = sumExp(x.Data[:1000], runtime.Exp)
		}
	})
	b.Run("math", func(b *testing.B) {
		for b.Loop() {
			sinkF = sumExp(x.Data[:1000], math.Exp)
		}
	})
}

//go:noinline
func sumExp(xs []float64, exp func(float64) float64) float64 {
	s := 0.0
	for _, v := range xs {
		s += exp(v)
	}
	return s
}
