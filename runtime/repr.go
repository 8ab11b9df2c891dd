package runtime

import (
	"math"
	"strconv"
	"strings"
)

// FormatInt is repr(int).
func FormatInt(x int64) string { return strconv.FormatInt(x, 10) }

// FormatBool is repr(bool).
func FormatBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// FormatFloat is repr(float): the shortest string that round-trips
// (strconv's shortest mode produces the same digits as CPython's dtoa mode
// 0), laid out with CPython's 'r' rules: positional notation when the
// decimal exponent is in [-4, 16), scientific otherwise, ".0" appended to
// integral positional values, and a two-digit minimum exponent.
func FormatFloat(x float64) string {
	return formatShortest(x, 64, true)
}

// FormatFloat32 is repr(np.float32(x)) under numpy 1.24: numpy prints the
// shortest digits that round-trip through float32 with the same layout
// rules as Python floats.
// numpy chooses positional notation by value (1e-4 <= |x| < 1e16, or 0),
// not by the decimal exponent of the shortest digits as CPython does, so
// np.float32(0.0001) (just below 1e-4) prints "1e-04".
func FormatFloat32(x float32) string {
	ax := math.Abs(float64(x))
	if ax == 0 || (ax >= 1e-4 && ax < 1e16) || math.IsNaN(ax) || math.IsInf(ax, 0) {
		return formatDigits(float64(x), 32, true, false, true)
	}
	return formatDigits(float64(x), 32, true, true, false)
}

// formatShortest implements PyOS_double_to_string(x, 'r', 0, flags).
// addDot0 is Py_DTSF_ADD_DOT_0 (set for float repr, unset inside complex).
func formatShortest(x float64, bitSize int, addDot0 bool) string {
	return formatDigits(x, bitSize, addDot0, false, false)
}

// formatDigits lays out the shortest digits of x; forceSci (numpy's
// by-value choice) selects scientific notation regardless of the exponent.
func formatDigits(x float64, bitSize int, addDot0, forceSci, forceFixed bool) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(x, 'e', -1, bitSize) // "-d.ddde±XX"
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, expStr := s[:epos], s[epos+1:]
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	// decpt: position of the decimal point relative to the digit string.
	decpt := exp + 1
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sci := decpt <= -4 || decpt > 16
	if forceSci {
		sci = true
	} else if forceFixed {
		sci = false
	}
	if sci {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		e := decpt - 1
		if e < 0 {
			b.WriteByte('-')
			e = -e
		} else {
			b.WriteByte('+')
		}
		if e < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(e))
		return b.String()
	}
	switch {
	case decpt <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -decpt))
		b.WriteString(digits)
	case decpt >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", decpt-len(digits)))
		if addDot0 {
			b.WriteString(".0")
		}
	default:
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	}
	return b.String()
}

// FormatComplex is repr(complex) (CPython complex_repr): a real part of +0.0
// is omitted together with the parentheses ("1j", "-0j"); otherwise both
// parts are printed, the imaginary one with an explicit sign ("(-0-1j)",
// "(nan+infj)"). Neither part gets the ".0" suffix.
func FormatComplex(z complex128) string {
	re, im := real(z), imag(z)
	if re == 0 && !math.Signbit(re) {
		return formatShortest(im, 64, false) + "j"
	}
	ims := formatShortest(im, 64, false)
	if ims[0] != '-' {
		ims = "+" + ims
	}
	return "(" + formatShortest(re, 64, false) + ims + "j)"
}

// FormatComplex64 is repr(np.complex64(z)) in the layout of FormatComplex
// with float32 shortest digits for each part.
func FormatComplex64(z complex64) string {
	re, im := float64(real(z)), float64(imag(z))
	if re == 0 && !math.Signbit(re) {
		return formatDigits(im, 32, false, false, false) + "j"
	}
	ims := formatDigits(im, 32, false, false, false)
	if ims[0] != '-' {
		ims = "+" + ims
	}
	return "(" + formatDigits(re, 32, false, false, false) + ims + "j)"
}
