package runtime

import "math"

// Products are wrapped in float64(...) conversions throughout: the Go spec
// lets a compiler fuse x*y+z into one FMA (it does on arm64, ppc64le,
// s390x, riscv64) and an explicit conversion forbids that, so results match
// CPython's separately rounded C arithmetic on every GOARCH.

// ComplexMul is Python's a * b on complex (CPython _Py_c_prod), safe from
// FMA contraction.
func ComplexMul(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	return complex(float64(ar*br)-float64(ai*bi), float64(ar*bi)+float64(ai*br))
}

// ComplexDiv is Python's a / b on complex (CPython _Py_c_quot, Smith's
// algorithm). Go's built-in complex division differs for large, tiny and
// non-finite operands. b != 0 is checked by the caller (ZeroDivisionError
// "complex division by zero"); for b == 0 this returns 0, as CPython's
// helper does.
func ComplexDiv(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	absBr, absBi := math.Abs(br), math.Abs(bi)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return 0
		}
		ratio := bi / br
		denom := br + float64(bi*ratio)
		return complex((ar+float64(ai*ratio))/denom, (ai-float64(ar*ratio))/denom)
	case absBi >= absBr:
		ratio := br / bi
		denom := float64(br*ratio) + bi
		return complex((float64(ar*ratio)+ai)/denom, (float64(ai*ratio)-ar)/denom)
	}
	// at least one of br, bi is NaN
	return complex(math.NaN(), math.NaN())
}

// ComplexAbs is abs(z) (CPython _Py_c_abs): an infinite part gives +inf even
// if the other part is NaN; a result of +inf from finite parts is CPython's
// OverflowError "absolute value too large" (MathRangeErr on the parts).
func ComplexAbs(z complex128) float64 {
	re, im := real(z), imag(z)
	if math.IsInf(re, 0) {
		return math.Inf(1)
	}
	if math.IsInf(im, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(re) || math.IsNaN(im) {
		return math.NaN()
	}
	return cHypot(re, im)
}

var c1 = complex(1, 0)

// ComplexPow is Python's a ** b on complex (CPython complex_pow): an
// exponent that is an integer with |n| <= 100 uses repeated multiplication
// (c_powi), everything else the polar formula (_Py_c_pow). Use
// ComplexPowCheck to learn whether CPython would raise.
func ComplexPow(a, b complex128) complex128 {
	r, _ := ComplexPowCheck(a, b)
	return r
}

// ComplexPowCheck is ComplexPow plus the exception CPython raises for it:
// "" (none), ZeroDivisionError ("0.0 to a negative or complex power") or
// OverflowError ("complex exponentiation"). Note that CPython's checks depend
// on intermediate results (e.g. (1e-200+0j)**-2 raises ZeroDivisionError
// because the intermediate power underflows to 0), so they cannot be done
// on the operands alone.
func ComplexPowCheck(a, b complex128) (complex128, string) {
	var p complex128
	edom := false
	br, bi := real(b), imag(b)
	if bi == 0 && br == math.Floor(br) && math.Abs(br) <= 100 {
		n := int64(br)
		if n > 0 {
			p = cPowu(a, n)
		} else {
			d := cPowu(a, -n)
			if d == 0 {
				edom = true
			}
			p = ComplexDiv(c1, d)
		}
	} else {
		p, edom = cPow(a, b)
	}
	// Py_ADJUST_ERANGE2: an infinite part signals overflow unless errno was
	// already set.
	if edom {
		return p, ZeroDivisionError
	}
	if math.IsInf(real(p), 0) || math.IsInf(imag(p), 0) {
		return p, OverflowError
	}
	return p, ""
}

// cPowu is CPython's c_powu: binary exponentiation for n >= 0.
func cPowu(x complex128, n int64) complex128 {
	r := c1
	p := x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = ComplexMul(r, p)
		}
		p = ComplexMul(p, p)
	}
	return r
}

// cPow is CPython's _Py_c_pow; edom reports errno == EDOM (0 to a negative
// or complex power).
func cPow(a, b complex128) (complex128, bool) {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	if br == 0 && bi == 0 {
		return c1, false
	}
	if ar == 0 && ai == 0 {
		return 0, bi != 0 || br < 0
	}
	vabs := cHypot(ar, ai)
	length := libmPow(vabs, br)
	at := Atan2(ai, ar)
	phase := float64(at * br)
	if bi != 0 {
		length /= Exp(float64(at * bi))
		phase += float64(bi * Log(vabs))
	}
	// glibc's cos/sin set errno = EDOM for an infinite argument, which
	// CPython reports as ZeroDivisionError.
	return complex(float64(length*math.Cos(phase)), float64(length*math.Sin(phase))), math.IsInf(phase, 0)
}
