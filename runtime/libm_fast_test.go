package runtime

import (
	"math"
	"math/rand"
	"testing"
)

// ulps is the distance between a and b in units in the last place (0 for
// two NaNs, huge for a NaN and a number).
func ulps(a, b float64) uint64 {
	if a != a || b != b {
		if a != a && b != b {
			return 0
		}
		return math.MaxUint64
	}
	ia, ib := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	// Map the sign-magnitude bit patterns to a monotonic integer line.
	if ia < 0 {
		ia = math.MinInt64 - ia
	}
	if ib < 0 {
		ib = math.MinInt64 - ib
	}
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

// libmInputs are arguments for one function: special values, then random
// ones spread over the ranges that matter for it.
func libmInputs(name string, n int) [][2]float64 {
	r := rand.New(rand.NewSource(7))
	var in [][2]float64
	add := func(x, y float64) { in = append(in, [2]float64{x, y}) }
	for _, x := range specialFloats {
		add(x, 2.5)
	}
	for i := 0; i < n; i++ {
		u := r.Float64()*2 - 1
		switch name {
		case "exp":
			add([]float64{u * 5, u * 50, u * 709.9, u * 745.2, u * 1e-8, math.Ldexp(u, -60)}[i%6], 0)
		case "log", "log10":
			add([]float64{
				math.Exp(u * 709), 1 + u*0x1p-5, 1 + u*0x1p-20, r.Float64() * 4,
				math.Ldexp(r.Float64(), -1060), // subnormal
				math.Float64frombits(r.Uint64() >> 1),
			}[i%6], 0)
		case "pow":
			x := []float64{r.Float64() * 10, math.Exp(u * 700), 1 + u*0x1p-20, r.Float64()}[i%4]
			y := []float64{u * 10, u * 300, float64(r.Intn(40) - 20), u * 1e6, u * 0.5}[i%5]
			if i%4 == 2 {
				y = u * 4e8 // x near 1 to a huge power: the exponent's accuracy shows
			}
			add(x, y)
		}
	}
	return in
}

// TestFastLibm measures Exp, Log, Log10 and libmPow against the correctly
// rounded double-double routines: at most 1 ulp from them on every input
// (documented in libm_fast.go and the README; verify.Tolerance is far
// above), and correctly rounded on nearly all.
func TestFastLibm(t *testing.T) {
	cases := []struct {
		name       string
		fast, ref  func(x, y float64) float64
		maxOffRate float64 // fraction of inputs allowed to be 1 ulp off
	}{
		{"exp", func(x, _ float64) float64 { return Exp(x) }, func(x, _ float64) float64 { return expCR(x) }, 0.005},
		{"log", func(x, _ float64) float64 { return Log(x) }, func(x, _ float64) float64 { return logCR(x) }, 0.005},
		{"log10", func(x, _ float64) float64 { return Log10(x) }, func(x, _ float64) float64 { return log10CR(x) }, 0.005},
		{"pow", libmPow, powCR, 0.005},
	}
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for _, c := range cases {
		in := libmInputs(c.name, n)
		off, worst := 0, [2]float64{}
		for _, a := range in {
			f, w := c.fast(a[0], a[1]), c.ref(a[0], a[1])
			switch d := ulps(f, w); {
			case d > 1:
				t.Errorf("%s(%v, %v) = %v, correctly rounded %v: %d ulps", c.name, a[0], a[1], f, w, d)
			case d == 1:
				off++
				worst = a
			}
		}
		rate := float64(off) / float64(len(in))
		t.Logf("%s: %d of %d inputs 1 ulp off (%.3g%%), e.g. %v", c.name, off, len(in), 100*rate, worst)
		if rate > c.maxOffRate {
			t.Errorf("%s: %.3g%% of inputs 1 ulp off, want at most %.3g%%", c.name, 100*rate, 100*c.maxOffRate)
		}
	}
}

func BenchmarkLibm(b *testing.B) {
	xs := make([]float64, 1024)
	r := rand.New(rand.NewSource(1))
	for i := range xs {
		xs[i] = r.Float64()*20 - 10
	}
	pos := make([]float64, len(xs))
	for i, x := range xs {
		pos[i] = math.Exp(x)
	}
	var sink float64
	run := func(name string, f func(x float64) float64, in []float64) {
		b.Run(name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				sink += f(in[i&1023])
			}
		})
	}
	run("Exp", Exp, xs)
	run("expCR", expCR, xs)
	run("math.Exp", math.Exp, xs)
	run("Log", Log, pos)
	run("logCR", logCR, pos)
	run("math.Log", math.Log, pos)
	run("Log10", Log10, pos)
	run("pow", func(x float64) float64 { return libmPow(x, 2.7) }, pos)
	run("powCR", func(x float64) float64 { return powCR(x, 2.7) }, pos)
	run("math.Pow", func(x float64) float64 { return math.Pow(x, 2.7) }, pos)
	_ = sink
}
