package runtime

// Python's format mini-language (format(x, spec), f-string fields) for the
// values compiled code prints: ints, floats, complex numbers, bools and
// strings. The C runtime's pyc2go_print.c implements the same rules; the
// differential tests hold both to CPython.

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Spec is a parsed format spec:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type Spec struct {
	Fill     rune
	Align    byte // 0, '<', '>', '=', '^'
	Sign     byte // 0, '+', '-', ' '
	Alt      bool // '#'
	Zero     bool // '0' before the width
	Width    int
	Grouping byte // 0, ',', '_'
	Prec     int  // -1 when absent
	Type     byte // 0 or the type letter
}

// ParseSpec parses a format spec; the string is "" or what is wrong.
func ParseSpec(s string) (Spec, string) {
	sp := Spec{Fill: ' ', Prec: -1}
	i := 0
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }
	if r, n := utf8.DecodeRuneInString(s); n > 0 && n < len(s) && isAlign(s[n]) {
		sp.Fill, sp.Align, i = r, s[n], n+1
	} else if len(s) > 0 && isAlign(s[0]) {
		sp.Align, i = s[0], 1
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-' || s[i] == ' ') {
		sp.Sign = s[i]
		i++
	}
	if i < len(s) && s[i] == 'z' {
		return sp, "the 'z' option is not supported"
	}
	if i < len(s) && s[i] == '#' {
		sp.Alt = true
		i++
	}
	if i < len(s) && s[i] == '0' {
		sp.Zero = true
		i++
	}
	j := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > j {
		sp.Width, _ = strconv.Atoi(s[j:i])
	}
	if i < len(s) && (s[i] == ',' || s[i] == '_') {
		sp.Grouping = s[i]
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		j = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return sp, "Format specifier missing precision"
		}
		sp.Prec, _ = strconv.Atoi(s[j:i])
	}
	if i < len(s) {
		if i+1 != len(s) || !strings.ContainsRune("bcdeEfFgGnosxX%", rune(s[i])) {
			return sp, "Invalid format specifier"
		}
		sp.Type = s[i]
		if sp.Type == 'n' || sp.Type == 'c' {
			return sp, "the '" + string(sp.Type) + "' presentation type is not supported"
		}
	}
	return sp, ""
}

// pad lays body (without its sign) out in the spec's width; numeric
// values pad between sign and digits under '=' (and the 0 flag).
func (sp Spec) pad(sign, body string, numeric bool) string {
	align, fill := sp.Align, sp.Fill
	if sp.Zero && align == 0 {
		align, fill = '=', '0'
	}
	if align == 0 {
		align = '<'
		if numeric {
			align = '>'
		}
	}
	n := sp.Width - utf8.RuneCountInString(sign) - utf8.RuneCountInString(body)
	if n <= 0 {
		return sign + body
	}
	f := strings.Repeat(string(fill), n)
	switch align {
	case '<':
		return sign + body + f
	case '=':
		return sign + f + body
	case '^':
		l := n / 2
		return strings.Repeat(string(fill), l) + sign + body + strings.Repeat(string(fill), n-l)
	}
	return f + sign + body
}

// signOf is the sign prefix of a number.
func (sp Spec) signOf(neg bool) string {
	switch {
	case neg:
		return "-"
	case sp.Sign == '+':
		return "+"
	case sp.Sign == ' ':
		return " "
	}
	return ""
}

// group inserts the grouping character every three digits of the
// integer part of digits (which has no sign).
func group(digits string, sep byte, every int) string {
	if sep == 0 {
		return digits
	}
	end := len(digits)
	if k := strings.IndexAny(digits, ".eE%"); k >= 0 {
		end = k
	}
	intPart, rest := digits[:end], digits[end:]
	var b []byte
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%every == 0 {
			b = append(b, sep)
		}
		b = append(b, intPart[i])
	}
	return string(b) + rest
}

// FormatStrSpec is format(s, spec) of a string.
func FormatStrSpec(s, spec string) string {
	sp, _ := ParseSpec(spec)
	if sp.Prec >= 0 && utf8.RuneCountInString(s) > sp.Prec {
		s = string([]rune(s)[:sp.Prec])
	}
	return sp.pad("", s, false)
}

// FormatIntSpec is format(v, spec) of an int.
func FormatIntSpec(v int64, spec string) string {
	if spec == "" {
		return strconv.FormatInt(v, 10)
	}
	sp, _ := ParseSpec(spec)
	switch sp.Type {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return FormatFloatSpec(float64(v), spec)
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	var digits, prefix string
	every := 3
	switch sp.Type {
	case 'x', 'X':
		digits, prefix, every = strconv.FormatUint(u, 16), "0x", 4
		if sp.Type == 'X' {
			digits, prefix = strings.ToUpper(digits), "0X"
		}
	case 'o':
		digits, prefix, every = strconv.FormatUint(u, 8), "0o", 4
	case 'b':
		digits, prefix, every = strconv.FormatUint(u, 2), "0b", 4
	default:
		digits = strconv.FormatUint(u, 10)
	}
	digits = group(digits, sp.Grouping, every)
	sign := sp.signOf(neg)
	if sp.Alt && prefix != "" {
		sign += prefix
	}
	return sp.pad(sign, digits, true)
}

// FormatBoolSpec is format(b, spec): the name for an empty spec, else the
// int's formatting (bool inherits int.__format__).
func FormatBoolSpec(b bool, spec string) string {
	if spec == "" {
		return FormatBool(b)
	}
	v := int64(0)
	if b {
		v = 1
	}
	return FormatIntSpec(v, spec)
}

// FormatFloatSpec is format(x, spec) of a float.
func FormatFloatSpec(x float64, spec string) string {
	if spec == "" {
		return FormatFloat(x)
	}
	sp, _ := ParseSpec(spec)
	neg := math.Signbit(x) && !math.IsNaN(x)
	body := floatBody(math.Abs(x), sp)
	return sp.pad(sp.signOf(neg), body, true)
}

// floatBody formats |x| (no sign) by the spec's type and precision.
func floatBody(a float64, sp Spec) string {
	typ := sp.Type
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	if typ == '%' {
		a *= 100
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		s := "inf"
		if math.IsNaN(a) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		if typ == '%' {
			s += "%"
		}
		return s
	}
	prec := sp.Prec
	var s string
	switch typ {
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(a, 'f', prec, 64)
		if sp.Alt && prec == 0 {
			s += "."
		}
		s = group(s, sp.Grouping, 3)
		if typ == '%' {
			s += "%"
		}
		return s
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(a, 'e', prec, 64)
		if sp.Alt && prec == 0 {
			s = strings.Replace(s, "e", ".e", 1)
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return group(s, sp.Grouping, 3)
	case 'g', 'G':
		if prec < 0 {
			prec = 6
		}
		s = generalFormat(a, prec, sp.Alt, false)
		if upper {
			s = strings.ToUpper(s)
		}
		return group(s, sp.Grouping, 3)
	}
	// No type: repr without a precision, else 'g' that keeps a ".0".
	if prec < 0 {
		return group(FormatFloat(a), sp.Grouping, 3)
	}
	return group(generalFormat(a, prec, sp.Alt, true), sp.Grouping, 3)
}

// generalFormat is Python's 'g' of a non-negative finite a with prec
// significant digits; addDot0 is the no-type form, which keeps a ".0" on
// integral fixed-point results.
func generalFormat(a float64, prec int, alt, addDot0 bool) string {
	if prec == 0 {
		prec = 1
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64) // d.ddde±XX, rounded
	k := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[k+1:])
	limit := prec
	if addDot0 {
		limit = prec - 1 // CPython: room for the ".0" or exponent form
	}
	var s string
	if exp >= -4 && exp < limit {
		s = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if addDot0 && !strings.Contains(s, ".") {
			s += ".0"
		}
		if alt && !strings.Contains(s, ".") {
			s += "."
		}
		return s
	}
	mant := e[:k]
	if !alt && strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	if alt && !strings.Contains(mant, ".") {
		mant += "."
	}
	return mant + e[k:]
}

// FormatComplexSpec is format(z, spec) of a complex number.
func FormatComplexSpec(z complex128, spec string) string {
	if spec == "" {
		return FormatComplex(z)
	}
	sp, _ := ParseSpec(spec)
	if sp.Type == 0 && sp.Prec < 0 {
		return sp.pad("", FormatComplex(z), true)
	}
	re, im := real(z), imag(z)
	part := sp
	part.Width, part.Align, part.Zero = 0, 0, false
	noType := sp.Type == 0
	if noType {
		part.Type = 'g'
	}
	var s string
	if !(noType && re == 0 && !math.Signbit(re)) {
		s = part.signOf(math.Signbit(re) && !math.IsNaN(re)) + floatBody(math.Abs(re), part)
		part.Sign = '+'
	}
	s += part.signOf(math.Signbit(im) && !math.IsNaN(im)) + floatBody(math.Abs(im), part) + "j"
	if noType && !(re == 0 && !math.Signbit(re)) {
		s = "(" + s + ")"
	}
	return sp.pad("", s, true)
}
