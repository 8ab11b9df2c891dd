package runtime

import (
	"math"
	"math/big"
)

// Python int is modelled as int64. Arithmetic wraps around on overflow
// (two's complement), which is where compiled code deliberately departs
// from CPython's arbitrary-precision ints.

// FloorDivInt is Python's a // b on ints: the quotient rounded toward
// negative infinity (Go's / truncates toward zero). b != 0 is checked by
// the caller. math.MinInt64 // -1 wraps to math.MinInt64.
func FloorDivInt(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// ModInt is Python's a % b on ints: the result has the sign of b.
func ModInt(a, b int64) int64 {
	r := a % b
	if r != 0 && ((r < 0) != (b < 0)) {
		r += b
	}
	return r
}

// IntAbs is abs(x) on a Python int; abs(math.MinInt64) wraps to itself.
func IntAbs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// PowInt is base ** exp for exp >= 0 with wrapping int64 arithmetic.
// Square-and-multiply gives the same low 64 bits as the exact power.
func PowInt(base, exp int64) int64 {
	result := int64(1)
	for exp > 0 {
		if exp&1 != 0 {
			result *= base
		}
		base *= base
		exp >>= 1
	}
	return result
}

// floatDivMod is CPython's _float_div_mod (Objects/floatobject.c) line by
// line. math.Mod is exact, as C's fmod is, so mod is bit-identical.
func floatDivMod(vx, wx float64) (floordiv, mod float64) {
	mod = fmod(vx, wx)
	// fmod is exact, so vx-mod is mathematically an exact multiple of wx;
	// the division below may still be inexact, hence the snapping.
	div := (vx - mod) / wx
	if mod != 0 || mod != mod { // C's `if (mod)` is true for NaN
		// ensure the remainder has the same sign as the denominator
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		// zero remainder: signed-zero behaviour of fmod varies across
		// platforms, so CPython forces the sign of the denominator
		mod = math.Copysign(0.0, wx)
	}
	if div != 0 || div != div {
		// snap quotient to nearest integral value
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		// div is zero: get the same sign as the true quotient
		floordiv = math.Copysign(0.0, vx/wx)
	}
	return floordiv, mod
}

// FloorDivFloat is Python's a // b on floats (CPython float_floor_div). b != 0.
func FloorDivFloat(a, b float64) float64 {
	q, _ := floatDivMod(a, b)
	return q
}

// ModFloat is Python's a % b on floats (CPython float_rem). b != 0.
func ModFloat(a, b float64) float64 {
	mod := fmod(a, b)
	if mod != 0 || mod != mod {
		if (b < 0) != (mod < 0) {
			mod += b
		}
	} else {
		mod = math.Copysign(0.0, b)
	}
	return mod
}

// DivmodFloat is Python's divmod(a, b) on floats (CPython float_divmod). b != 0.
func DivmodFloat(a, b float64) (float64, float64) {
	return floatDivMod(a, b)
}

// FloatToIntOK reports whether int(x) fits a Python int modelled as int64:
// x is finite and trunc(x) lies in [-2**63, 2**63). When it is false CPython
// would either raise (OverflowError "cannot convert float infinity to
// integer", ValueError "cannot convert float NaN to integer") or produce a
// big int that compiled code cannot represent.
func FloatToIntOK(x float64) bool {
	// -2**63 is exactly representable; 2**63 is the first value out of range.
	return x == x && math.Trunc(x) >= -9223372036854775808.0 && math.Trunc(x) < 9223372036854775808.0
}

// FloatToInt is int(x): truncation toward zero. The caller checked
// FloatToIntOK (Go's conversion of out-of-range floats is undefined).
func FloatToInt(x float64) int64 {
	return int64(x)
}

// RoundHalfEven is Python's round(x) before the conversion to int: round to
// nearest, ties to even (CPython float___round___impl with no ndigits).
// NaN and ±inf come back unchanged; the caller raises as for FloatToIntOK.
func RoundHalfEven(x float64) float64 {
	return math.RoundToEven(x)
}

// The limits CPython uses in float___round___impl: beyond NDIGITS_MAX every
// double is its own rounding, below NDIGITS_MIN everything rounds to ±0.
const (
	roundNdigitsMax = 323  // (DBL_MANT_DIG-DBL_MIN_EXP) * 0.30103
	roundNdigitsMin = -308 // -(DBL_MAX_EXP+1) * 0.30103
)

var bigTen = big.NewInt(10)

// RoundFloat is Python's round(x, ndigits) for a float x. CPython rounds
// the exact binary value of x to ndigits decimal places with round-half-even
// (dtoa mode 3) and converts the decimal back with correct rounding; doing
// the same with exact rationals gives bit-identical results. A result of
// ±inf from finite x is CPython's OverflowError "rounding overflowed"
// (MathRangeErr(x, r) reports it).
func RoundFloat(x float64, ndigits int64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	if ndigits > roundNdigitsMax {
		return x
	}
	if ndigits < roundNdigitsMin {
		return 0.0 * x
	}
	r := new(big.Rat).SetFloat64(x)
	scale := new(big.Int).Exp(bigTen, big.NewInt(absInt64(ndigits)), nil)
	scaleRat := new(big.Rat).SetInt(scale)
	if ndigits >= 0 {
		r.Mul(r, scaleRat)
	} else {
		r.Quo(r, scaleRat)
	}
	n := roundRatHalfEven(r)
	if n.Sign() == 0 {
		return math.Copysign(0, x)
	}
	res := new(big.Rat).SetInt(n)
	if ndigits >= 0 {
		res.Quo(res, scaleRat)
	} else {
		res.Mul(res, scaleRat)
	}
	f, _ := res.Float64() // nearest float64, ±Inf on overflow
	return f
}

// RoundFloat32 is numpy 1.24's round(x, ndigits) for an np.float32 x, which
// is not Python's correctly rounded algorithm: PyArray_Round on the 0-d
// array multiplies by 10**|ndigits| (a double, numpy's power_of_ten) in
// float64 and stores the product as float32, applies rint in float32, then
// divides back in float64 and rounds to float32 again (for negative ndigits
// the divide and multiply swap). So round(np.float32(2.675), 2) is 2.68
// (the product 267.49999523 rounds to 267.5 in float32) where Python's
// round of the same value gives 2.67, and an overflowing product gives inf
// instead of raising.
func RoundFloat32(x float32, ndigits int64) float32 {
	f := numpyPowerOfTen(absInt64(ndigits))
	if ndigits >= 0 {
		y := float32(float64(x) * f)
		r := float32(math.RoundToEven(float64(y)))
		return float32(float64(r) / f)
	}
	y := float32(float64(x) / f)
	r := float32(math.RoundToEven(float64(y)))
	return float32(float64(r) * f)
}

// numpyPowerOfTen is numpy's power_of_ten (multiarray/calculation.c): the
// exact table up to 1e8, then repeated multiplication by 10 from 1e9 (which
// can differ from the correctly rounded 1e23 and beyond). Once infinite it
// stays infinite, so the loop stops there.
func numpyPowerOfTen(n int64) float64 {
	p10 := [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8}
	if n < 9 {
		return p10[n]
	}
	r := 1e9
	for ; n > 9 && !math.IsInf(r, 0); n-- {
		r *= 10
	}
	return r
}

func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// roundRatHalfEven rounds r to the nearest integer, ties to even.
func roundRatHalfEven(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int)) // truncated
	// compare 2|m| with den
	m2 := new(big.Int).Abs(m)
	m2.Lsh(m2, 1)
	c := m2.Cmp(den)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// RoundInt is Python's round(x, ndigits) for an int x: unchanged for
// ndigits >= 0, otherwise rounded half-even to a multiple of 10**-ndigits
// (CPython long_round via _PyLong_DivmodNear). A result outside int64 wraps.
func RoundInt(x, ndigits int64) int64 {
	if ndigits >= 0 {
		return x
	}
	if ndigits < -20 {
		// 10**20 / 2 exceeds every int64 magnitude, so the result is 0.
		return 0
	}
	scale := new(big.Int).Exp(bigTen, big.NewInt(-ndigits), nil)
	r := new(big.Rat).SetFrac(big.NewInt(x), scale)
	q := roundRatHalfEven(r)
	q.Mul(q, scale)
	return wrapInt64(q)
}

// wrapInt64 returns the low 64 bits of n as a two's complement int64.
func wrapInt64(n *big.Int) int64 {
	m := new(big.Int).And(n, new(big.Int).SetUint64(math.MaxUint64))
	return int64(m.Uint64())
}

// fmod is C's fmod including the NaN it makes: where fmod has no answer
// (x infinite, y zero) glibc computes (x*y)/(x*y), so the hardware's
// default NaN comes out (negative on x86), while math.Mod returns Go's
// positive math.NaN(). CPython lets that NaN escape from float % and
// divmod, and its sign bit is observable through math.copysign.
func fmod(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || math.IsNaN(y) || y == 0 {
		p := x * y
		return p / p
	}
	return math.Mod(x, y)
}
