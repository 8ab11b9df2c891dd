package runtime

import "math"

// Messages of the exceptions CPython raises from float and math operations,
// shared so generated code does not spell them out.
const (
	MsgMathDomain     = "math domain error"
	MsgMathRange      = "math range error"
	MsgPowOverflow    = "(34, 'Numerical result out of range')"
	MsgZeroNegPow     = "0.0 cannot be raised to a negative power"
	MsgComplexZeroPow = "0.0 to a negative or complex power"
	MsgComplexPowOver = "complex exponentiation"
)

// MathDomainErr is CPython math_1's domain check: a NaN result from a
// non-NaN argument raises ValueError "math domain error".
func MathDomainErr(x, r float64) bool { return math.IsNaN(r) && !math.IsNaN(x) }

// MathRangeErr is math_1's overflow check: an infinite result from a finite
// argument raises OverflowError "math range error" for growth functions
// (exp, cosh, ...) and ValueError "math domain error" for poles (log(0)).
func MathRangeErr(x, r float64) bool { return math.IsInf(r, 0) && !math.IsInf(x, 0) }

// isOddInteger is CPython's DOUBLE_IS_ODD_INTEGER.
func isOddInteger(x float64) bool { return math.Mod(x, 2) == 1 || math.Mod(x, 2) == -1 }

// PowFloat is x ** y on floats (CPython float_pow) for the cases that do
// not raise; PowFloatCheck reports the ones that do. For a negative x and a
// non-integral y CPython returns a complex (the caller's business); this
// returns NaN then.
func PowFloat(x, y float64) float64 {
	r, _, _ := PowFloatCheck(x, y)
	return r
}

// PowFloatCheck is PowFloat plus the exception CPython raises:
// ZeroDivisionError MsgZeroNegPow for 0.0 ** negative, OverflowError
// MsgPowOverflow when a finite pair overflows; excType is "" otherwise.
func PowFloatCheck(x, y float64) (r float64, excType, msg string) {
	switch {
	case y == 0: // x**0 is 1, even 0**0 and nan**0
		return 1, "", ""
	case x != x: // nan**y = nan unless y == 0
		return x, "", ""
	case y != y: // x**nan = nan unless x == 1
		if x == 1 {
			return 1, "", ""
		}
		return y, "", ""
	case math.IsInf(y, 0):
		ax := math.Abs(x)
		if ax == 1 {
			return 1, "", ""
		}
		if (y > 0) == (ax > 1) {
			return math.Inf(1), "", ""
		}
		return 0, "", ""
	case math.IsInf(x, 0):
		odd := isOddInteger(y)
		if y > 0 {
			if odd {
				return x, "", ""
			}
			return math.Abs(x), "", ""
		}
		if odd {
			return math.Copysign(0, x), "", ""
		}
		return 0, "", ""
	case x == 0:
		if y < 0 {
			return math.Inf(1), ZeroDivisionError, MsgZeroNegPow
		}
		if isOddInteger(y) {
			return x, "", ""
		}
		return 0, "", ""
	}
	negate := false
	if x < 0 {
		if y != math.Floor(y) {
			return math.NaN(), "", "" // CPython: complex result
		}
		x = -x
		negate = isOddInteger(y)
	}
	if x == 1 {
		if negate {
			return -1, "", ""
		}
		return 1, "", ""
	}
	r = libmPow(x, y)
	if negate {
		r = -r
	}
	if math.IsInf(r, 0) {
		return r, OverflowError, MsgPowOverflow
	}
	return r, "", ""
}

// MathLog1 is math.log(x) with one argument (CPython m_log). x <= 0
// (including -inf) raises ValueError "math domain error": the caller checks
// MathDomainErr(x, r) || MathRangeErr(x, r).
func MathLog1(x float64) float64 { return Log(x) }

// MathLog is math.log(x, base) = log(x) / log(base) (CPython math_log_impl).
// The caller raises ValueError "math domain error" when x <= 0 or base <= 0,
// and ZeroDivisionError "float division by zero" when base == 1.
func MathLog(x, base float64) float64 { return Log(x) / Log(base) }

// Log1p is C's log1p(x) (math.log1p): x < -1 gives NaN, x == -1 gives -inf.
//
// glibc's log1p is fdlibm's s_log1p.c, of which Go's math.Log1p is a
// faithful port, so the two agree bit for bit (checked by the tests) even
// though neither is correctly rounded.
func Log1p(x float64) float64 { return math.Log1p(x) }

// Gcd is math.gcd(a, b) (non-negative). gcd(MinInt64, 0) = 2**63 wraps to
// MinInt64 like every other int64 overflow.
func Gcd(a, b int64) int64 {
	x, y := uint64(a), uint64(b)
	if a < 0 {
		x = -x
	}
	if b < 0 {
		y = -y
	}
	for y != 0 {
		x, y = y, x%y
	}
	return int64(x)
}

// Factorial is math.factorial(n) for n >= 0 (the caller raises ValueError
// "factorial() not defined for negative values"). Results beyond 20! wrap;
// from 66! on the product has at least 64 factors of two, so it is 0.
func Factorial(n int64) int64 {
	if n >= 66 {
		return 0
	}
	r := int64(1)
	for i := int64(2); i <= n; i++ {
		r *= i
	}
	return r
}

// Isclose is math.isclose(a, b, rel_tol=rel, abs_tol=abs). The caller
// raises ValueError "tolerances must be non-negative" for negative tolerances.
func Isclose(a, b, rel, abs float64) bool {
	if a == b {
		return true
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return false
	}
	diff := math.Abs(b - a)
	return diff <= math.Abs(rel*b) || diff <= math.Abs(rel*a) || diff <= abs
}

const (
	degToRad = math.Pi / 180.0
	radToDeg = 180.0 / math.Pi
)

// Degrees is math.degrees(x) = x * (180/pi), with the constant rounded once
// exactly as CPython's radToDeg.
func Degrees(x float64) float64 { return x * radToDeg }

// Radians is math.radians(x) = x * (pi/180).
func Radians(x float64) float64 { return x * degToRad }
