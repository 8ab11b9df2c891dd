package runtime

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// ParseLiteral parses one Python scalar literal as typed on a command line
// and returns int64, float64, complex128, bool or nil (for None).
//
// Accepted: int literals ("-12", "0x1F", "0o17", "0b101", "1_000"), float
// literals ("2.5", "-1e-9", ".5", "5."), "inf"/"nan"/"infinity" (any case,
// optionally signed), imaginary literals and sums of them ("1+2j", "-2j",
// "(1+2j)"), the calls float(...) and complex(...), True, False and None.
// Signs, + and - are evaluated with Python's semantics (so "-2j" is
// complex(-0.0, -2.0) exactly like CPython's -2j, and "1-0j" is (1+0j)).
// Ints outside the int64 range are rejected rather than wrapped, because a
// command-line value that silently changes is never what the user meant.
func ParseLiteral(s string) (any, error) {
	p := &litParser{src: s}
	p.next()
	v, err := p.expr()
	if err == nil && p.tok.kind != tkEOF {
		err = fmt.Errorf("unexpected %q", p.tok.text)
	}
	if err != nil {
		return nil, fmt.Errorf("invalid Python literal %q: %v", s, err)
	}
	switch v.kind {
	case vInt:
		if !v.i.IsInt64() {
			return nil, fmt.Errorf("invalid Python literal %q: int out of int64 range", s)
		}
		return v.i.Int64(), nil
	case vFloat:
		return v.f, nil
	case vComplex:
		return v.c, nil
	case vBool:
		return v.b, nil
	}
	return nil, nil
}

type tokKind int

const (
	tkEOF tokKind = iota
	tkNum
	tkName
	tkStr
	tkOp
)

type token struct {
	kind tokKind
	text string
}

type litParser struct {
	src string
	pos int
	tok token
	err error
}

func (p *litParser) next() {
	s := p.src
	for p.pos < len(s) && (s[p.pos] == ' ' || s[p.pos] == '\t') {
		p.pos++
	}
	if p.pos >= len(s) {
		p.tok = token{kind: tkEOF}
		return
	}
	start := p.pos
	c := s[p.pos]
	switch {
	case c >= '0' && c <= '9' || c == '.':
		isHex := c == '0' && p.pos+1 < len(s) && (s[p.pos+1] == 'x' || s[p.pos+1] == 'X')
		for p.pos < len(s) {
			d := s[p.pos]
			if isAlnum(d) || d == '.' {
				p.pos++
				continue
			}
			// exponent sign: "1e-9" (but not in hex, where e is a digit)
			if (d == '+' || d == '-') && !isHex && (s[p.pos-1] == 'e' || s[p.pos-1] == 'E') {
				p.pos++
				continue
			}
			break
		}
		p.tok = token{tkNum, s[start:p.pos]}
	case isAlnum(c):
		for p.pos < len(s) && isAlnum(s[p.pos]) {
			p.pos++
		}
		p.tok = token{tkName, s[start:p.pos]}
	case c == '\'' || c == '"':
		end := strings.IndexByte(s[p.pos+1:], c)
		if end < 0 {
			p.tok = token{tkOp, s[start:]}
			p.pos = len(s)
			return
		}
		p.pos += end + 2
		p.tok = token{tkStr, s[start+1 : p.pos-1]}
	default:
		p.pos++
		p.tok = token{tkOp, s[start:p.pos]}
	}
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

type valKind int

const (
	vInt valKind = iota
	vFloat
	vComplex
	vBool
	vNone
)

// litVal is a parsed value; ints stay arbitrary precision until the end so
// that "-9223372036854775808" (unary minus applied to an out-of-range
// literal, as in Python) is accepted.
type litVal struct {
	kind valKind
	i    *big.Int
	f    float64
	c    complex128
	b    bool
}

func (v litVal) asFloat() float64 {
	switch v.kind {
	case vInt:
		f, _ := new(big.Float).SetInt(v.i).Float64() // round-half-even, as PyLong_AsDouble
		return f
	case vBool:
		if v.b {
			return 1
		}
		return 0
	}
	return v.f
}

func (v litVal) asComplex() complex128 {
	if v.kind == vComplex {
		return v.c
	}
	return complex(v.asFloat(), 0)
}

func (v litVal) asInt() *big.Int {
	if v.kind == vBool {
		if v.b {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	}
	return v.i
}

// expr := unary (('+'|'-') unary)*
func (p *litParser) expr() (litVal, error) {
	v, err := p.unary()
	if err != nil {
		return v, err
	}
	for p.tok.kind == tkOp && (p.tok.text == "+" || p.tok.text == "-") {
		op := p.tok.text
		p.next()
		w, err := p.unary()
		if err != nil {
			return v, err
		}
		if v, err = binop(op, v, w); err != nil {
			return v, err
		}
	}
	return v, nil
}

// binop applies Python's numeric tower: int op int stays int; otherwise the
// operands are widened to float, or to complex with a +0.0 imaginary part.
func binop(op string, v, w litVal) (litVal, error) {
	if v.kind == vNone || w.kind == vNone {
		return v, fmt.Errorf("unsupported operand None")
	}
	switch {
	case v.kind == vComplex || w.kind == vComplex:
		a, b := v.asComplex(), w.asComplex()
		if op == "+" {
			return litVal{kind: vComplex, c: complex(real(a)+real(b), imag(a)+imag(b))}, nil
		}
		return litVal{kind: vComplex, c: complex(real(a)-real(b), imag(a)-imag(b))}, nil
	case v.kind == vFloat || w.kind == vFloat:
		a, b := v.asFloat(), w.asFloat()
		if op == "+" {
			return litVal{kind: vFloat, f: a + b}, nil
		}
		return litVal{kind: vFloat, f: a - b}, nil
	}
	a, b := v.asInt(), w.asInt()
	if op == "+" {
		return litVal{kind: vInt, i: new(big.Int).Add(a, b)}, nil
	}
	return litVal{kind: vInt, i: new(big.Int).Sub(a, b)}, nil
}

func (p *litParser) unary() (litVal, error) {
	if p.tok.kind == tkOp && (p.tok.text == "+" || p.tok.text == "-") {
		op := p.tok.text
		p.next()
		v, err := p.unary()
		if err != nil {
			return v, err
		}
		if op == "+" {
			if v.kind == vBool {
				return litVal{kind: vInt, i: v.asInt()}, nil
			}
			if v.kind == vNone {
				return v, fmt.Errorf("bad operand for unary +: None")
			}
			return v, nil
		}
		switch v.kind {
		case vInt, vBool:
			return litVal{kind: vInt, i: new(big.Int).Neg(v.asInt())}, nil
		case vFloat:
			return litVal{kind: vFloat, f: -v.f}, nil
		case vComplex:
			return litVal{kind: vComplex, c: complex(-real(v.c), -imag(v.c))}, nil
		}
		return v, fmt.Errorf("bad operand for unary -: None")
	}
	return p.atom()
}

func (p *litParser) atom() (litVal, error) {
	t := p.tok
	switch t.kind {
	case tkEOF:
		return litVal{}, fmt.Errorf("unexpected end of input")
	case tkNum:
		p.next()
		return parseNumber(t.text)
	case tkOp:
		if t.text == "(" {
			p.next()
			v, err := p.expr()
			if err != nil {
				return v, err
			}
			if p.tok.kind != tkOp || p.tok.text != ")" {
				return v, fmt.Errorf("missing )")
			}
			p.next()
			return v, nil
		}
	case tkName:
		p.next()
		switch t.text {
		case "True":
			return litVal{kind: vBool, b: true}, nil
		case "False":
			return litVal{kind: vBool, b: false}, nil
		case "None":
			return litVal{kind: vNone}, nil
		case "float", "complex":
			if p.tok.kind == tkOp && p.tok.text == "(" {
				return p.call(t.text)
			}
		}
		if f, ok := parseSpecialFloat(t.text); ok {
			return litVal{kind: vFloat, f: f}, nil
		}
	}
	return litVal{}, fmt.Errorf("unexpected %q", t.text)
}

// call parses float(x) / complex(re[, im]) with a numeric or string argument.
func (p *litParser) call(name string) (litVal, error) {
	p.next() // (
	var args []litVal
	for !(p.tok.kind == tkOp && p.tok.text == ")") {
		var v litVal
		if p.tok.kind == tkStr {
			if name != "float" {
				return v, fmt.Errorf("string arguments only supported for float()")
			}
			f, err := parseFloatString(p.tok.text)
			if err != nil {
				return v, err
			}
			v = litVal{kind: vFloat, f: f}
			p.next()
		} else {
			var err error
			if v, err = p.expr(); err != nil {
				return v, err
			}
		}
		args = append(args, v)
		if p.tok.kind == tkOp && p.tok.text == "," {
			p.next()
		} else if !(p.tok.kind == tkOp && p.tok.text == ")") {
			return litVal{}, fmt.Errorf("expected , or ) in %s()", name)
		}
	}
	p.next() // )
	for _, a := range args {
		if a.kind == vNone {
			return litVal{}, fmt.Errorf("None is not a number")
		}
	}
	switch name {
	case "float":
		if len(args) > 1 {
			return litVal{}, fmt.Errorf("float() takes at most 1 argument")
		}
		if len(args) == 0 {
			return litVal{kind: vFloat}, nil
		}
		if args[0].kind == vComplex {
			return litVal{}, fmt.Errorf("float() argument must not be complex")
		}
		return litVal{kind: vFloat, f: args[0].asFloat()}, nil
	default: // complex: CPython complex_new with real or complex arguments
		if len(args) > 2 {
			return litVal{}, fmt.Errorf("complex() takes at most 2 arguments")
		}
		var re, im complex128
		if len(args) > 0 {
			re = args[0].asComplex()
		}
		if len(args) < 2 {
			return litVal{kind: vComplex, c: re}, nil
		}
		im = args[1].asComplex()
		r, i := real(re), real(im)
		if args[1].kind == vComplex {
			r -= imag(im)
		}
		if args[0].kind == vComplex {
			i += imag(re)
		}
		return litVal{kind: vComplex, c: complex(r, i)}, nil
	}
}

var (
	reDecInt  = regexp.MustCompile(`^(?:[1-9](?:_?[0-9])*|0+(?:_?0)*)$`)
	reHexInt  = regexp.MustCompile(`^0[xX](?:_?[0-9a-fA-F])+$`)
	reOctInt  = regexp.MustCompile(`^0[oO](?:_?[0-7])+$`)
	reBinInt  = regexp.MustCompile(`^0[bB](?:_?[01])+$`)
	reDigits  = `[0-9](?:_?[0-9])*`
	reFloat   = regexp.MustCompile(`^(?:(?:` + reDigits + `)?\.` + reDigits + `|` + reDigits + `\.?)(?:[eE][+-]?` + reDigits + `)?$`)
	reFloatFn = regexp.MustCompile(`^[+-]?(?:(?:` + reDigits + `)?\.` + reDigits + `|` + reDigits + `\.?)(?:[eE][+-]?` + reDigits + `)?$`)
)

// parseNumber parses one Python number token (no sign): int, float or
// imaginary literal, following the grammar of the Python reference manual.
func parseNumber(t string) (litVal, error) {
	if strings.HasSuffix(t, "j") || strings.HasSuffix(t, "J") {
		body := t[:len(t)-1]
		if !reFloat.MatchString(body) {
			return litVal{}, fmt.Errorf("bad imaginary literal %q", t)
		}
		f, err := atof(body)
		if err != nil {
			return litVal{}, err
		}
		return litVal{kind: vComplex, c: complex(0, f)}, nil
	}
	base := 0
	switch {
	case reDecInt.MatchString(t):
		base = 10
	case reHexInt.MatchString(t):
		base = 16
	case reOctInt.MatchString(t):
		base = 8
	case reBinInt.MatchString(t):
		base = 2
	}
	if base != 0 {
		digits := strings.ReplaceAll(t, "_", "")
		if base != 10 {
			digits = digits[2:]
		}
		n, ok := new(big.Int).SetString(digits, base)
		if !ok {
			return litVal{}, fmt.Errorf("bad int literal %q", t)
		}
		return litVal{kind: vInt, i: n}, nil
	}
	// "012" matches the float grammar but is an invalid int in Python
	if reFloat.MatchString(t) && strings.ContainsAny(t, ".eE") {
		f, err := atof(t)
		if err != nil {
			return litVal{}, err
		}
		return litVal{kind: vFloat, f: f}, nil
	}
	return litVal{}, fmt.Errorf("bad number %q", t)
}

// atof converts a validated decimal float text; strconv is correctly
// rounded like CPython's dtoa, and overflow gives ±inf as in Python source.
func atof(t string) (float64, error) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, err
	}
	return f, nil
}

// parseSpecialFloat accepts the names float() understands for infinities
// and NaN, which the command line also takes bare ("inf", "nan").
func parseSpecialFloat(s string) (float64, bool) {
	switch strings.ToLower(s) {
	case "inf", "infinity":
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	return 0, false
}

// parseFloatString is float(str): surrounding whitespace, an optional sign,
// decimal text with PEP 515 underscores, or inf/infinity/nan in any case.
func parseFloatString(s string) (float64, error) {
	t := strings.TrimSpace(s)
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) <= 1 {
		if f, ok := parseSpecialFloat(body); ok {
			if strings.HasPrefix(t, "-") {
				f = -f
			}
			return f, nil
		}
	}
	if !reFloatFn.MatchString(t) {
		return 0, fmt.Errorf("could not convert string to float: %q", s)
	}
	return atof(t)
}

// ParseValue parses a Python literal that may also be a tuple, "(1,
// 2.5)", "(3,)", nested, or None: tuples come back as []any of their
// elements, None as nil, the rest as ParseLiteral gives them. It is what
// `pyc2go run` and verify pass for tuple parameters.
func ParseValue(s string) (any, error) {
	t := strings.TrimSpace(s)
	if t == "None" {
		return nil, nil
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && matching(t) {
		inner := strings.TrimSpace(t[1 : len(t)-1])
		parts := splitTop(inner)
		if len(parts) > 1 || strings.HasSuffix(inner, ",") || inner == "" {
			out := []any{}
			for _, p := range parts {
				if strings.TrimSpace(p) == "" {
					continue // the trailing comma of (x,)
				}
				v, err := ParseValue(p)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return out, nil
		}
		return ParseValue(inner) // a parenthesized value
	}
	return ParseLiteral(t)
}

// matching reports whether the '(' that starts s closes at its end.
func matching(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		case '\'', '"':
			if j := strings.IndexByte(s[i+1:], s[i]); j >= 0 {
				i += j + 1
			}
		}
	}
	return depth == 0
}

// splitTop splits s at the commas outside parentheses, brackets and
// strings.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '\'', '"':
			if j := strings.IndexByte(s[i+1:], s[i]); j >= 0 {
				i += j + 1
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}
