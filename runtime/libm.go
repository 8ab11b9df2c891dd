package runtime

import (
	"math"
	"math/big"
)

// CPython calls the platform libm for exp, log, pow and hypot; glibc's
// implementations are correctly rounded except in rare hard cases, while
// Go's math package is only faithfully rounded (errors up to ~1 ulp, more
// for Pow with large exponents). This file holds double-double versions
// (~2**-100 relative error, rounded once, so correctly rounded except for
// inputs within ~2**-45 ulp of a rounding boundary): expCR, logCR, powCR
// and log10CR. They cost 0.5-1 µs a call, so the exported Exp, Log, Log10
// and pow are the table-driven routines of libm_fast.go (within 1 ulp,
// 10-20 ns), which fall back on these only for rare arguments (results
// near overflow or in the subnormal range); the double-double routines
// also generate libm_fast.go's tables and are the reference its tests
// measure ulps against.
//
// sin, cos and atan2 (used by ComplexPow and CmathExp) still come from Go's
// math package; their results may differ from glibc's in the last bit.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func fastTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func ddAdd(a, b dd) dd {
	s := twoSum(a.hi, b.hi)
	t := twoSum(a.lo, b.lo)
	s.lo += t.hi
	s = fastTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return fastTwoSum(s.hi, s.lo)
}

func ddMul(a, b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += float64(a.hi*b.lo) + float64(a.lo*b.hi)
	return fastTwoSum(p.hi, p.lo)
}

func ddMulF(a dd, b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += float64(a.lo * b)
	return fastTwoSum(p.hi, p.lo)
}

func ddDiv(a, b dd) dd {
	q1 := a.hi / b.hi
	r := ddAdd(a, ddMulF(b, -q1))
	q2 := r.hi / b.hi
	r = ddAdd(r, ddMulF(b, -q2))
	q3 := r.hi / b.hi
	q := fastTwoSum(q1, q2)
	return ddAdd(q, dd{q3, 0})
}

var (
	ddLn2       dd     // ln 2
	ddOddRecips [24]dd // 1/(2k+1), the atanh series coefficients
	ddInvFact   [12]dd // 1/n!
)

func init() {
	// ln 2 = sum 1/(k 2**k), evaluated in 300-bit arithmetic.
	sum := new(big.Float).SetPrec(300)
	for k := 1; k < 300; k++ {
		t := new(big.Float).SetPrec(300).SetInt64(int64(k))
		t.SetMantExp(t, k)
		sum.Add(sum, new(big.Float).SetPrec(300).Quo(big.NewFloat(1).SetPrec(300), t))
	}
	hi, _ := sum.Float64()
	rest := new(big.Float).SetPrec(300).Sub(sum, new(big.Float).SetFloat64(hi))
	lo, _ := rest.Float64()
	ddLn2 = dd{hi, lo}
	for k := range ddOddRecips {
		ddOddRecips[k] = ddDiv(dd{1, 0}, dd{float64(2*k + 1), 0})
	}
	f := dd{1, 0}
	for n := range ddInvFact {
		if n > 0 {
			f = ddDiv(f, dd{float64(n), 0})
		}
		ddInvFact[n] = f
	}
}

// logDD returns log(x) for finite x > 0 in double-double.
func logDD(x float64) dd {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	f := m - 1 // exact (Sterbenz)
	// log(m) = 2 atanh(s), s = f/(2+f), |s| <= 0.172
	s := ddDiv(dd{f, 0}, twoSum(2, f))
	s2 := ddMul(s, s)
	p := ddOddRecips[len(ddOddRecips)-1]
	for k := len(ddOddRecips) - 2; k >= 0; k-- {
		p = ddAdd(ddMul(p, s2), ddOddRecips[k])
	}
	lm := ddMul(s, p)
	lm = dd{2 * lm.hi, 2 * lm.lo}
	return ddAdd(ddMulF(ddLn2, float64(e)), lm)
}

// expDD returns m, k with exp(a) = m * 2**k, m in about [0.7, 1.42].
// |a.hi| must be below ~1100.
func expDD(a dd) (dd, int) {
	k := math.Round(a.hi / ddLn2.hi)
	r := ddAdd(a, ddMulF(ddLn2, -k))
	// exp(r) = (exp(r/1024))**1024; keep expm1 form to avoid losing bits.
	r = dd{r.hi / 1024, r.lo / 1024}
	e := ddInvFact[len(ddInvFact)-1]
	for n := len(ddInvFact) - 2; n >= 1; n-- {
		e = ddAdd(ddMul(e, r), ddInvFact[n])
	}
	e = ddMul(e, r) // expm1(r)
	for i := 0; i < 10; i++ {
		// (1+e)**2 - 1 = 2e + e*e
		e = ddAdd(dd{2 * e.hi, 2 * e.lo}, ddMul(e, e))
	}
	return ddAdd(dd{1, 0}, e), int(k)
}

// scaleRound returns the double nearest to (m.hi+m.lo) * 2**k, rounding
// only once even when the result is subnormal.
func scaleRound(m dd, k int) float64 {
	m = fastTwoSum(m.hi, m.lo)
	_, e := math.Frexp(m.hi)
	if e+k > -1021 {
		return math.Ldexp(m.hi, k) // normal (or overflow to inf): exact scaling
	}
	f := new(big.Float).SetPrec(200).SetFloat64(m.hi)
	f.Add(f, new(big.Float).SetFloat64(m.lo))
	f.SetMantExp(f, k)
	r, _ := f.Float64()
	return r
}

// logCR is C's log(x), correctly rounded: log(±0) = -inf, log(x<0) = nan.
func logCR(x float64) float64 {
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x == 0:
		return math.Inf(-1)
	case x < 0:
		return math.NaN()
	case x == 1:
		return 0
	}
	r := logDD(x)
	return r.hi + r.lo
}

// LogCorrectlyRounded is logCR for other packages' tests (runtime/nprand
// checks its own correctly rounded log against it): Log itself is the
// fast routine, within 1 ulp (libm_fast.go).
func LogCorrectlyRounded(x float64) float64 { return logCR(x) }

// expCR is C's exp(x), correctly rounded.
func expCR(x float64) float64 {
	switch {
	case x != x:
		return x
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	case x == 0:
		return 1
	}
	m, k := expDD(dd{x, 0})
	return scaleRound(m, k)
}

// libmPow is C's pow(x, y) (C99 special cases via math.Pow, whose special
// cases follow C99); finite positive x to a finite power is pow, within 1
// ulp.
func libmPow(x, y float64) float64 {
	return powWith(x, y, pow)
}

// powCR is libmPow correctly rounded: exp(y*log(x)) in double-double.
func powCR(x, y float64) float64 {
	return powWith(x, y, func(x, y float64) float64 {
		l := logDD(x)
		if p := l.hi * y; p > 710 {
			return math.Inf(1)
		} else if p < -746 {
			return 0
		}
		m, k := expDD(ddMulF(l, y))
		return scaleRound(m, k)
	})
}

// powWith is C's pow(x, y) with core computing x**y for finite x > 0,
// finite y, y not in {0, 1, 2, -1, 0.5} and x != 1.
func powWith(x, y float64, core func(x, y float64) float64) float64 {
	if x < 0 && !math.IsInf(x, 0) && !math.IsInf(y, 0) && y == math.Trunc(y) {
		// (-x)**n = ±|x|**n; the sign follows the parity of n
		r := powWith(-x, y, core)
		if math.Abs(y) < 1<<53 && int64(y)&1 == 1 {
			r = -r
		}
		return r
	}
	if !(x > 0) || math.IsInf(x, 0) || math.IsInf(y, 0) || y != y || y == 0 || x == 1 {
		return math.Pow(x, y)
	}
	switch y {
	case 1:
		return x
	case 2:
		return x * x // correctly rounded, and exact ties are handled right
	case -1:
		return 1 / x
	case 0.5:
		return math.Sqrt(x)
	}
	return core(x, y)
}

// Hypot is Python's math.hypot(x, y). CPython 3.11 does not call libm for
// it (vector_norm computes a correctly rounded result in practice); this is
// correctly rounded too. An infinite argument gives +inf even with a NaN.
func Hypot(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if x != x || y != y {
		return math.NaN()
	}
	x, y = math.Abs(x), math.Abs(y)
	if x < y {
		x, y = y, x
	}
	if y == 0 {
		return x
	}
	// Scale by a power of two so that the squares neither overflow nor
	// lose bits to underflow.
	scale := 0
	if x > 0x1p500 {
		scale = 600
	} else if x < 0x1p-500 {
		scale = -600
	}
	xs, ys := math.Ldexp(x, -scale), math.Ldexp(y, -scale)
	s := ddAdd(twoProd(xs, xs), twoProd(ys, ys))
	r := math.Sqrt(s.hi)
	// one Newton step on the double-double square: r + (s - r*r)/(2r)
	res := math.FMA(-r, r, s.hi) + s.lo
	c := res / (2 * r)
	return scaleRound(fastTwoSum(r, c), scale)
}

// cHypot is glibc's (>= 2.35) hypot, which CPython calls for abs(complex)
// and inside cmath. It is Borges' algorithm (non-FMA variant, as built for
// baseline x86-64) and is not always correctly rounded, so it is ported
// operation by operation rather than replaced by Hypot.
func cHypot(x, y float64) float64 {
	if !isFinite(x) || !isFinite(y) {
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return math.Inf(1)
		}
		return x + y
	}
	const (
		scale    = 0x1p-600
		largeVal = 0x1p+511
		tinyVal  = 0x1p-511
		eps      = 0x1p-54
	)
	x, y = math.Abs(x), math.Abs(y)
	ax, ay := x, y
	if x < y {
		ax, ay = y, x
	}
	if ax > largeVal {
		if ay <= ax*eps {
			return ax + ay
		}
		return hypotKernel(ax*scale, ay*scale) / scale
	}
	if ay < tinyVal {
		if ax >= ay/eps {
			return ax + ay
		}
		return hypotKernel(ax/scale, ay/scale) * scale
	}
	if ay <= ax*eps {
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

func hypotKernel(ax, ay float64) float64 {
	var t1, t2 float64
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	if h <= 2.0*ay {
		delta := h - ay
		t1 = float64(ax * (2.0*delta - ax))
		t2 = float64((delta - 2.0*(ax-ay)) * delta)
	} else {
		delta := h - ax
		t1 = float64(float64(2.0*delta) * (ax - 2.0*ay))
		t2 = float64(float64(float64(4.0*delta)-ay)*ay) + float64(delta*delta)
	}
	h -= (t1 + t2) / (2.0 * h)
	return h
}

// Atan2 is C's atan2. Go's math.Atan2 computes Atan(y/x) and then picks the
// quadrant from the sign of that quotient, so when y/x underflows to +0
// with y < 0 < -x it returns +Pi where C returns -Pi
// (atan2(-1e-300, -1e300)). The result of atan2 always has y's sign
// (NaN aside), so copying it back is the whole fix.
func Atan2(y, x float64) float64 {
	return math.Copysign(math.Atan2(y, x), y)
}

// log10CR is C's log10(x), correctly rounded: the double-double logarithm
// divided by ln 10. (Go's math.Log10 is math.Log(x)/ln 10, and Go's
// assembly math.Log (amd64) is wrong for subnormal x: log10(5e-324) came
// out as -307.95 instead of -323.31.)
func log10CR(x float64) float64 {
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x == 0:
		return math.Inf(-1)
	case x < 0:
		return math.NaN()
	case x == 1:
		return 0
	}
	r := ddDiv(logDD(x), ddLn10)
	return r.hi + r.lo
}

// ddLn10 is ln 10 in double-double (after the init above has set ddLn2).
var ddLn10 dd

func init() { ddLn10 = logDD(10) }

// Lgamma is C's lgamma(x) (math.lgamma). Go's math.Lgamma returns -Log(|x|)
// for tiny |x| through the same assembly math.Log that is wrong for
// subnormals (lgamma(5e-324) gave 709.09 instead of 744.44); there, and
// only there, the correct logarithm is used.
func Lgamma(x float64) float64 {
	if x != 0 && math.Abs(x) < 0x1p-1022 {
		return -Log(math.Abs(x))
	}
	r, _ := math.Lgamma(x)
	return r
}
