package nprand

import (
	"math"

	"github.com/pyc2go/pyc2go/runtime"
)

// fastLog is the correctly rounded natural logarithm, as runtime.Log, in
// a few tens of nanoseconds instead of a microsecond: the legacy normal
// and exponential samplers take one per value or pair. It evaluates log x
// to about 2**-70 (Ziv's method) and rounds; when that is not enough to
// decide the rounding (about once in 2**14 calls) it asks runtime.Log.
//
// x = 2**k * z with z in [0x1.6p-1, 0x1.6p0); the top bits of z pick
// one of 256 subintervals, whose Inv (9 bits) makes r = z*Inv - 1 exact
// with |r| < 2**-8, and
//
//	log x = k*ln2 + (-log Inv) + log1p(r)
//	log1p(r) = r - r*r/2 + r**3 * (1/3 - r/4 + ... + r**6/9)
//
// with -log Inv tabulated in double-double (tables.go) and r*r exact.
func fastLog(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 // 42 bits: k*ln2Hi is exact
		ln2Lo = 1.90821492927058770002e-10
		off   = 0x3fe6000000000000
	)
	ix := math.Float64bits(x)
	if x == 1 {
		return 0
	}
	if !(x >= 0x1p-1022 && x <= math.MaxFloat64) {
		return runtime.Log(x) // zero, subnormals, negatives, inf, NaN
	}
	tmp := ix - off
	k := int64(tmp) >> 52
	i := (tmp >> 44) & 0xff
	z := math.Float64frombits(ix - tmp&(0xfff<<52))
	r := math.FMA(z, logTable.inv[i], -1) // exact
	rr := r * r
	rrLo := math.FMA(r, r, -rr) // r*r = rr + rrLo exactly
	p := float64(r*rr) * (1.0/3 + r*(-1.0/4+r*(1.0/5+r*(-1.0/6+r*(1.0/7+r*(-1.0/8+r*(1.0/9)))))))
	kd := float64(k)
	// The large terms, summed exactly (twoSum), then the small ones.
	s, e1 := twoSum(float64(kd*ln2Hi), logTable.hi[i])
	s, e2 := twoSum(s, r)
	s, e3 := twoSum(s, -0.5*rr)
	lo := e1 + e2 + e3 + logTable.lo[i] + float64(kd*ln2Lo) + -0.5*rrLo + float64(p)
	y := s + lo
	// y is correctly rounded if the exact log, within errBound of s + lo
	// = y + d, is nearer y than either neighbour.
	d := (s - y) + lo
	errBound := 0x1p-66*math.Abs(r) + 0x1p-70*(math.Abs(kd)+math.Abs(logTable.hi[i]))
	a := math.Abs(y)
	halfUlp := (a - math.Nextafter(a, 0)) / 2 // the smaller ulp at a power of two
	if math.Abs(d)+errBound < halfUlp {
		return y
	}
	return runtime.Log(x)
}

// twoSum is a + b as s + e exactly (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}
