package tablegen

import "math"

// LogTable is the table of nprand's fast logarithm (nprand/log.go): for
// each of 256 subintervals of [0x1.6p-1, 0x1.6p0) (width 2**-9 below 1,
// 2**-8 above, as the bits of x pick them), Inv is a 9-bit approximation
// of 1/c at the subinterval's centre c, so that z*Inv - 1 is exact for
// every z in it, and Hi + Lo is -log(Inv) to about 2**-106. The two
// subintervals beside 1 take Inv = 1 (so logs of values near 1 keep full
// relative accuracy).
type LogTable struct {
	Inv, Hi, Lo [256]float64
}

// logOff is the bit pattern of 0x1.6p-1, where subinterval 0 starts.
const logOff = 0x3fe6000000000000

// BuildLog derives the table.
func BuildLog() *LogTable {
	t := &LogTable{}
	for i := range t.Inv {
		lo := math.Float64frombits(logOff + uint64(i)<<44)
		hi := math.Float64frombits(logOff + uint64(i+1)<<44)
		if i+1 == 256 {
			hi = 0x1.6p0
		}
		if hi > 1.375 {
			// Indices wrap above 1 as the exponent changes; the
			// subinterval is [lo, lo + its width).
			hi = lo + (lo - math.Float64frombits(logOff+uint64(i-1)<<44))
		}
		c := (lo + hi) / 2
		inv := round9(1 / c)
		if lo == 1 || hi == 1 {
			inv = 1
		}
		t.Inv[i] = inv
		l := bigLog(newFloat().SetFloat64(inv))
		l.Neg(l)
		t.Hi[i], _ = l.Float64()
		t.Lo[i], _ = l.Sub(l, newFloat().SetFloat64(t.Hi[i])).Float64()
	}
	return t
}

// round9 rounds v to 9 significant bits.
func round9(v float64) float64 {
	m, e := math.Frexp(v)
	return math.Ldexp(math.RoundToEven(m*512)/512, e)
}
