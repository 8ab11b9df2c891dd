package runtime

import "math"

// cmath functions follow CPython's Modules/cmathmodule.c: finite inputs take
// the same formulas (with our Log/Exp, within 1 ulp, and correctly rounded Hypot/Log1p;
// cos, sin and atan2 come from Go's math and can differ from glibc in the
// last bit), non-finite inputs take the C99 Annex G special values that
// CPython tabulates.

const (
	cmLargeDouble    = math.MaxFloat64 / 4
	cmLogLargeDouble = 708.3964185322641 // log(DBL_MAX/4)
	cmScaleUp        = 53                // 2*(DBL_MANT_DIG/2) + 1
	cmScaleDown      = -27               // -(CM_SCALE_UP+1)/2
)

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// CmathSqrt is cmath.sqrt(z); it never raises.
func CmathSqrt(z complex128) complex128 {
	x, y := real(z), imag(z)
	if !isFinite(x) || !isFinite(y) {
		switch {
		case math.IsInf(y, 0):
			return complex(math.Inf(1), y)
		case math.IsInf(x, -1):
			if y != y {
				return complex(math.NaN(), math.Inf(1))
			}
			return complex(0, math.Copysign(math.Inf(1), y))
		case math.IsInf(x, 1):
			if y != y {
				return complex(x, y)
			}
			return complex(x, math.Copysign(0, y))
		}
		return complex(math.NaN(), math.NaN())
	}
	if x == 0 && y == 0 {
		return complex(0, y)
	}
	ax, ay := math.Abs(x), math.Abs(y)
	var s float64
	if ax < 0x1p-1022 && ay < 0x1p-1022 {
		// hypot(ax, ay) would be subnormal: scale up first
		ax = math.Ldexp(ax, cmScaleUp)
		s = math.Ldexp(math.Sqrt(ax+cHypot(ax, math.Ldexp(ay, cmScaleUp))), cmScaleDown)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+cHypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if x >= 0 {
		return complex(s, math.Copysign(d, y))
	}
	return complex(d, math.Copysign(s, y))
}

// CmathExp is cmath.exp(z); CmathExpCheck also reports the exception.
func CmathExp(z complex128) complex128 {
	r, _ := CmathExpCheck(z)
	return r
}

// CmathExpCheck is cmath.exp(z) plus the exception class CPython raises:
// ValueError (MsgMathDomain) when imag(z) is infinite and real(z) is finite
// or +inf, OverflowError (MsgMathRange) on overflow, "" otherwise.
func CmathExpCheck(z complex128) (complex128, string) {
	x, y := real(z), imag(z)
	if !isFinite(x) || !isFinite(y) {
		var r complex128
		switch {
		case math.IsInf(x, 0) && isFinite(y) && y != 0:
			if x > 0 {
				r = complex(math.Copysign(math.Inf(1), math.Cos(y)), math.Copysign(math.Inf(1), math.Sin(y)))
			} else {
				r = complex(math.Copysign(0, math.Cos(y)), math.Copysign(0, math.Sin(y)))
			}
		case math.IsInf(x, 1) && y == 0:
			r = complex(x, y)
		case math.IsInf(x, -1) && y == 0:
			r = complex(0, y)
		case math.IsInf(x, -1): // y inf or nan
			r = 0
		case math.IsInf(x, 1): // y inf or nan
			r = complex(math.Inf(1), math.NaN())
		case x != x && y == 0:
			r = complex(x, y)
		default:
			r = complex(math.NaN(), math.NaN())
		}
		if math.IsInf(y, 0) && (isFinite(x) || math.IsInf(x, 1)) {
			return r, ValueError
		}
		return r, ""
	}
	var r complex128
	if x > cmLogLargeDouble {
		l := Exp(x - 1)
		r = complex(float64(float64(l*math.Cos(y))*math.E), float64(float64(l*math.Sin(y))*math.E))
	} else {
		l := Exp(x)
		r = complex(float64(l*math.Cos(y)), float64(l*math.Sin(y)))
	}
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return r, OverflowError
	}
	return r, ""
}

// CmathLog is cmath.log(z) with one argument. z == 0 raises ValueError
// "math domain error" (the caller checks z == 0); the result is then
// (-inf + atan2(imag, real) j).
func CmathLog(z complex128) complex128 {
	x, y := real(z), imag(z)
	if !isFinite(x) || !isFinite(y) {
		switch {
		case math.IsInf(x, 0) && math.IsInf(y, 0):
			pi := math.Pi // C computes 0.75*Py_MATH_PI in double arithmetic
			a := 0.25 * pi
			if x < 0 {
				a = 0.75 * pi
			}
			return complex(math.Inf(1), math.Copysign(a, y))
		case math.IsInf(x, 0) || math.IsInf(y, 0):
			if y != y || x != x {
				return complex(math.Inf(1), math.NaN())
			}
			if math.IsInf(y, 0) {
				return complex(math.Inf(1), math.Copysign(math.Pi/2, y))
			}
			if x < 0 {
				return complex(math.Inf(1), math.Copysign(math.Pi, y))
			}
			return complex(math.Inf(1), math.Copysign(0, y))
		}
		return complex(math.NaN(), math.NaN())
	}
	ax, ay := math.Abs(x), math.Abs(y)
	var re float64
	switch {
	case ax > cmLargeDouble || ay > cmLargeDouble:
		re = Log(cHypot(ax/2, ay/2)) + math.Ln2
	case ax < 0x1p-1022 && ay < 0x1p-1022:
		if ax > 0 || ay > 0 {
			ln2 := math.Ln2 // DBL_MANT_DIG*M_LN2 is rounded in double arithmetic
			// hypot(ax, ay) would be subnormal
			re = Log(cHypot(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - float64(53*ln2)
		} else {
			return complex(math.Inf(-1), Atan2(y, x))
		}
	default:
		h := cHypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := math.Max(ax, ay), math.Min(ax, ay)
			re = Log1p(float64((am-1)*(am+1))+float64(an*an)) / 2
		} else {
			re = Log(h)
		}
	}
	return complex(re, Atan2(y, x))
}
