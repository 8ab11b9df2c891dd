package par

import (
	goruntime "runtime"
	"syscall"
	"testing"
	"time"

	"github.com/pyc2go/pyc2go/bench/par/o0"
	"github.com/pyc2go/pyc2go/bench/par/o2"
	"github.com/pyc2go/pyc2go/runtime"
)

// Sizes: a 600x800 Mandelbrot grid with up to 256 iterations per pixel
// (compute-bound: about 50M inner iterations, no memory traffic to speak
// of), and 16384-element int64 reductions (128 KB per array, resident in
// L2, so the loop's instructions are measured rather than memory
// bandwidth, which unrolling cannot change).
const (
	mandelH, mandelW, mandelIter = 600, 800, 256
	reduceN                      = 1 << 14
)

var (
	sinkA *runtime.Array[int64]
	sinkI int64
)

// TestParallelMatchesSequential: the -O2 (parallel) Mandelbrot gives the
// -O0 (sequential) counts with 1, 2 and 3 workers, and the unrolled
// reductions give the -O0 sums.
func TestParallelMatchesSequential(t *testing.T) {
	want, err := o0.Mandelbrot(61, 83, 64)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{1, 2, 3} {
		runtime.SetWorkers(w)
		got, err := o2.Mandelbrot(61, 83, 64)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Data {
			if got.Data[i] != want.Data[i] {
				t.Fatalf("workers %d: pixel %d: %d, want %d", w, i, got.Data[i], want.Data[i])
			}
		}
	}
	big := ints(50_000) // 48 chunks
	seq := o0.PsumSq(big)
	for _, w := range []int{1, 2, 3} {
		runtime.SetWorkers(w)
		if got := o2.PsumSq(big); got != seq {
			t.Errorf("workers %d: psum_sq = %d, want %d", w, got, seq)
		}
	}
	runtime.SetWorkers(0)
	x, y := ints(1003), ints(1003)
	for i := range y.Data {
		y.Data[i] = y.Data[i]*3 - 7
	}
	if a, b := o2.Isum(x), o0.Isum(x); a != b {
		t.Errorf("isum: -O2 %d, -O0 %d", a, b)
	}
	a, err1 := o2.Idot(x, y)
	b, err2 := o0.Idot(x, y)
	if a != b || err1 != nil || err2 != nil {
		t.Errorf("idot: -O2 %d (%v), -O0 %d (%v)", a, err1, b, err2)
	}
}

func ints(n int) *runtime.Array[int64] {
	a := runtime.Zeros[int64](n)
	for i := range a.Data {
		a.Data[i] = int64(i*7919%1000) - 500
	}
	return a
}

// benchMandel also reports the process's CPU time per call (cpu-ns/op):
// on a shared machine the wall time says how much of the cores the
// benchmark got, the CPU time how much work the call did, so the two
// together tell chunking overhead (more CPU) from contention (more wall).
func benchMandel(b *testing.B, workers int, f func(h, w, it int64) (*runtime.Array[int64], error)) {
	runtime.SetWorkers(workers)
	defer runtime.SetWorkers(0)
	cpuLoop(b, func() {
		r, err := f(mandelH, mandelW, mandelIter)
		if err != nil {
			b.Fatal(err)
		}
		sinkA = r
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMandelO0 is the sequential baseline: prange is range at -O0.
func BenchmarkMandelO0(b *testing.B) { benchMandel(b, 0, o0.Mandelbrot) }

// BenchmarkMandelWorkers1 is the chunked loop on one worker: the cost of
// the chunking itself.
func BenchmarkMandelWorkers1(b *testing.B) { benchMandel(b, 1, o2.Mandelbrot) }

// BenchmarkMandelWorkersMax runs on GOMAXPROCS workers.
func BenchmarkMandelWorkersMax(b *testing.B) {
	benchMandel(b, goruntime.GOMAXPROCS(0), o2.Mandelbrot)
}

// cpuLoop is b.Loop with the cpu-ns/op metric of benchMandel.
func cpuLoop(b *testing.B, call func()) {
	c0, n := cpuTime(), 0
	for b.Loop() {
		call()
		n++
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(n), "cpu-ns/op")
}

func BenchmarkIsumO0(b *testing.B) {
	x := ints(reduceN)
	cpuLoop(b, func() { sinkI = o0.Isum(x) })
}

func BenchmarkIsumO2(b *testing.B) {
	x := ints(reduceN)
	cpuLoop(b, func() { sinkI = o2.Isum(x) })
}

func BenchmarkIdotO0(b *testing.B) {
	x, y := ints(reduceN), ints(reduceN)
	cpuLoop(b, func() { sinkI, _ = o0.Idot(x, y) })
}

func BenchmarkIdotO2(b *testing.B) {
	x, y := ints(reduceN), ints(reduceN)
	cpuLoop(b, func() { sinkI, _ = o2.Idot(x, y) })
}
