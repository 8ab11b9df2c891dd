package nprand

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// TestFastLogIsCorrectlyRounded compares fastLog with
// runtime.LogCorrectlyRounded (runtime.Log is only within 1 ulp) on the
// inputs the legacy samplers give it (doubles in (0, 1], sums of squares)
// and on every subinterval edge, power of two and special value.
func TestFastLogIsCorrectlyRounded(t *testing.T) {
	var xs []float64
	for _, v := range []float64{1, 0.5, 2, 0x1p-1022, 0x1p-1074, 0, -1, math.Inf(1), math.NaN(), math.MaxFloat64,
		1 - 0x1p-53, 1 + 0x1p-52, 0x1.6p-1, 0x1.6p0, math.Nextafter(0x1.6p0, 0), math.Nextafter(0x1.6p-1, 0)} {
		xs = append(xs, v)
	}
	for i := uint64(0); i < 256; i++ {
		b := math.Float64frombits(0x3fe6000000000000 + i<<44)
		xs = append(xs, b, math.Nextafter(b, 0), math.Nextafter(b, 2), b*0x1p-40, b*0x1p300)
	}
	for e := -1074; e <= 1023; e++ {
		xs = append(xs, math.Ldexp(1, e))
	}
	n := 1000000
	if testing.Short() {
		n = 100000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		u := float64(rng.Uint64()>>11) * 0x1p-53
		x1, x2 := 2*u-1, 2*float64(rng.Uint64()>>11)*0x1p-53-1
		xs = append(xs, 1-u, float64(x1*x1)+float64(x2*x2), math.Float64frombits(rng.Uint64()>>1))
	}
	bad := 0
	for _, x := range xs {
		got, want := fastLog(x), runtime.LogCorrectlyRounded(x)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			if bad++; bad <= 10 {
				t.Errorf("fastLog(%v [%016x]) = %v, correctly rounded %v", x, math.Float64bits(x), got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d differ", bad, len(xs))
	}
}

func BenchmarkFastLog(b *testing.B) {
	x, s := 0.37, 0.0
	for b.Loop() {
		s += fastLog(x)
		x += 1e-9
	}
	_ = s
}
