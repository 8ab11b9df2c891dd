package runtime

import "math"

// Exp, Log, Log10 and pow, fast: table-driven routines in the style of
// Tang's, within 1 ulp of the correctly rounded result (max error about
// 0.51 ulp; libm_fast_test.go measures it against the double-double
// routines of libm.go), at 10-20 ns a call where the double-double ones
// cost 0.5-1 µs. Bit-identity with numpy's transcendentals is not to be
// had anyway: numpy 1.24 evaluates exp and log of float64 arrays with its
// own AVX-512F routines on machines that have them, which differ from
// glibc's (and so from CPython's math.exp) in the last bit for about a
// quarter of inputs; verify compares functions that use transcendentals
// within a relative tolerance (verify.Tolerance), far above 1 ulp.
//
// exp(x): x = k ln2/128 + r with k integer and |r| <= ln2/256, so
// exp(x) = 2**(k/128) exp(r) = 2**floor(k/128) 2**(j/128) exp(r), j = k mod
// 128. 2**(j/128) comes from expTab as an unevaluated sum hi + lo, exp(r) - 1
// from a degree-6 Taylor polynomial (its truncation error is below
// 2**-60), and the power of two is put into the exponent bits. Results that
// would be subnormal, or near overflow (|x| >= 707), go to expCR.
//
// log(x): x = 2**k z with z in [0.707, 1.414), z in one of 128 buckets
// chosen by the top 7 bits of its mantissa; each bucket has a 10-bit
// invc ~ 1/z (1 for the two buckets around 1) and -log(invc) in
// double-double, so log(x) = k ln2 + log(1/invc) + log1p(r) with r = z invc - 1.
// Splitting z into a 43-bit head and a 10-bit tail makes r exact as a
// sum rh + rl; the sum of the terms is kept in double-double (twoSum,
// and the r**2/2 term through twoProd) so the result is good to about
// 2**-70 relative before the final rounding. That is more than Log needs
// but what pow does: y log(x) must be accurate to about 2**-64 before exp
// when the result is large.
//
// The tables and the split constants of ln 2 are generated from the
// double-double routines (TestLibmTables writes libm_tables.go). Products
// are wrapped in float64() so that no Go compiler fuses them into FMA:
// results are the same on every architecture.

// Exp is C's exp(x), within 1 ulp.
func Exp(x float64) float64 {
	if !(math.Abs(x) < 707) {
		return expCR(x) // NaN, infinities, overflow, subnormal results
	}
	return expFast(x, 0)
}

// expFast returns exp(x + xl) for |x| < 707 and |xl| <= 2**-40 or so (the
// low part of a double-double argument).
func expFast(x, xl float64) float64 {
	// kd = round(x * 128/ln2), by adding and subtracting 1.5*2**52 (round
	// to nearest even); no Go compiler reassociates the two.
	kd := float64(x*expInvLn2N) + 0x1.8p52
	kd -= 0x1.8p52
	k := int64(kd)
	// x - kd*ln2hiN is exact: kd has at most 17 bits and ln2hiN 34.
	r := x - float64(kd*expLn2HiN)
	r = r - float64(kd*expLn2LoN) + xl
	t := &expTab[k&(expN-1)]
	// exp(r) - 1 = r + r**2 (1/2 + r/6 + ... + r**4/720)
	// (Written out: Go does not unroll a loop over the coefficients.)
	p := 1.0/120 + float64(r*(1.0/720))
	p = 1.0/24 + float64(r*p)
	p = 1.0/6 + float64(r*p)
	p = 0.5 + float64(r*p)
	p = r + float64(float64(r*r)*p)
	m := t.hi + (t.lo + float64(t.hi*p))
	// 2**(k>>7): -1020 <= k>>7 <= 1019 for |x| < 707, m in [0.99, 2.01).
	return m * math.Float64frombits(uint64((k>>7)+1023)<<52)
}

// Log is C's log(x), within 1 ulp: log(±0) = -inf, log(x<0) = nan. Python's
// math.log additionally raises ValueError "math domain error" for x <= 0
// (see MathLog1).
func Log(x float64) float64 {
	hi, lo, ok := logParts(x)
	if !ok {
		return hi
	}
	return hi + lo
}

// Log10 is C's log10(x), within 1 ulp: the double-double logarithm times
// 1/ln 10 in double-double, which keeps exact powers of ten exact. (Go's
// math.Log10 is math.Log(x)/ln 10, and Go's assembly math.Log (amd64) is
// wrong for subnormal x: log10(5e-324) came out as -307.95 instead of
// -323.31.)
func Log10(x float64) float64 {
	hi, lo, ok := logParts(x)
	if !ok {
		return hi
	}
	p := twoProd(hi, log10InvLn10Hi)
	return p.hi + (p.lo + float64(hi*log10InvLn10Lo) + float64(lo*log10InvLn10Hi))
}

// pow is libmPow's core: x**y for finite x > 0 and finite y, as
// exp(y log(x)) with both in double-double precision.
func pow(x, y float64) float64 {
	lh, ll, _ := logParts(x)
	th := float64(y * lh)
	tl := math.FMA(y, lh, -th) + float64(y*ll)
	if !(math.Abs(th) < 707) {
		if th > 710 {
			return math.Inf(1)
		} else if th < -746 {
			return 0
		}
		m, k := expDD(ddAdd(dd{th, 0}, dd{tl, 0}))
		return scaleRound(m, k)
	}
	return expFast(th, tl)
}

// logParts returns log(x) as an unevaluated sum hi + lo (|lo| well below
// ulp(hi)) and ok, or, for x that is not finite and positive, the C result
// and !ok.
func logParts(x float64) (hi, lo float64, ok bool) {
	ix := math.Float64bits(x)
	k := int64(0)
	if ix-0x0010000000000000 >= 0x7ff0000000000000-0x0010000000000000 {
		switch {
		case x != x || math.IsInf(x, 1):
			return x, 0, false
		case x == 0:
			return math.Inf(-1), 0, false
		case x < 0:
			return math.NaN(), 0, false
		}
		// Subnormal: exact scaling into the normal range.
		ix = math.Float64bits(x * 0x1p52)
		k = -52
	}
	tmp := ix - logOff
	k += int64(tmp) >> 52
	e := &logTab[(tmp>>45)%logN]
	z := math.Float64frombits(ix - tmp&(0xfff<<52))
	// r = z*invc - 1 = rh + rl exactly: zh has 43 significant bits and
	// invc 10, so zh*invc is exact and within a factor 2 of 1 (so
	// subtracting 1 is exact); zl*invc is exact too.
	zh := math.Float64frombits(math.Float64bits(z) &^ (1<<10 - 1))
	zl := z - zh
	rh := float64(zh*e.invc) - 1
	rl := float64(zl * e.invc)
	kf := float64(k)
	// log(x) = k ln2 + logc + log1p(rh + rl), logc = -log(invc), with
	// log1p(rh + rl) = rh - rh**2/2 + rh**3 P(rh) + rl/(1 + rh) - rl**2/2
	// + O(rl**3): |rl| < 2**-42 and |rh| < 2**-7, so rl/(1 + rh) to the
	// rh**3 term suffices. (rl**2/2 matters only next to 1, where the
	// result is as small as rh.)
	s := twoSum(float64(kf*logLn2Hi), e.logcHi) // kf*logLn2Hi is exact
	t := twoSum(s.hi, rh)
	q := twoProd(rh, rh)
	u := twoSum(t.hi, -0.5*q.hi)
	// P(rh) = 1/3 - rh/4 + rh**2/5 - ... - rh**7/10, by Horner's rule.
	poly := 1.0/9 + float64(rh*(-1.0/10))
	poly = -1.0/8 + float64(rh*poly)
	poly = 1.0/7 + float64(rh*poly)
	poly = -1.0/6 + float64(rh*poly)
	poly = 1.0/5 + float64(rh*poly)
	poly = -1.0/4 + float64(rh*poly)
	poly = 1.0/3 + float64(rh*poly)
	poly = float64(float64(float64(rh*rh)*rh) * poly)
	lo = s.lo + t.lo + u.lo - 0.5*q.lo + float64(rl*(1-float64(rh*(1-float64(rh*(1-rh))))-0.5*rl)) + float64(kf*logLn2Lo) + e.logcLo + poly
	return u.hi, lo, true
}

// logEntry is one bucket of logTab.
type logEntry struct {
	invc           float64 // ~1/z over the bucket, 10 significant bits
	logcHi, logcLo float64 // -log(invc) as an unevaluated sum
}

const (
	expN = 128
	logN = 128
	// logOff is the bit pattern of the smallest z (0.70703125): z is in
	// [logOff, 2*logOff); it is a multiple of 2**45, so bucket 75 starts
	// at 1.0.
	logOff = 0x3fe6a00000000000
)
