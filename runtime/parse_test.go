package runtime

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"
)

// Literal texts are evaluated by CPython (eval) and by ParseLiteral; type
// and exact bits must agree.
func TestParseLiteralVsCPython(t *testing.T) {
	texts := []string{
		"0", "-12", "18", "+5", "0x1F", "-0x1f", "0o17", "0b101", "1_000", "0_0", "9223372036854775807", "-9223372036854775808",
		"2.5", "-1e-9", ".5", "5.", "1e400", "-1e400", "1e-400", "1_0.2_5e1_0", "0.1", "-0.0", "00.5", "010e1",
		"inf", "-inf", "nan", "Infinity", "float('inf')", "float('-inf')", "float('nan')", "float(\"1_5.5\")", "float(3)", "float(' -2.5e3 ')",
		"1+2j", "-2j", "(1+2j)", "complex(1, 2)", "1-0j", "-1-0j", "-0j", "0j", "(-0.0-0j)", "2J", "1.5e3j", "010j",
		"complex(-0.0, -0.0)", "complex(1)", "complex(1j, 2)", "complex(1, 2j)", "-(1+2j)", "(1e308+1e308)",
		"True", "False", "None", "-True", "True+1", "1+2.5", "(((7)))", "3-5", "1 + 2j", "float('1e-5')",
	}
	var in strings.Builder
	for _, s := range texts {
		in.WriteString(s + "\n")
	}
	out := runPython(t, `
ns = {'inf': float('inf'), 'nan': float('nan'), 'Infinity': float('inf')}
for line in sys.stdin.read().split('\n')[:-1]:
    v = eval(line, ns)
    if isinstance(v, bool) or v is None: print(type(v).__name__, repr(v))
    elif isinstance(v, int): print('int', v)
    elif isinstance(v, float): print('float', f2b(v))
    else: print('complex', f2b(v.real), f2b(v.imag))
`, in.String())
	for i, s := range texts {
		v, err := ParseLiteral(s)
		var got string
		switch x := v.(type) {
		case nil:
			got = "NoneType None"
		case bool:
			got = "bool " + FormatBool(x)
		case int64:
			got = fmt.Sprint("int ", x)
		case float64:
			got = "float " + f2b(x)
		case complex128:
			got = "complex " + f2b(real(x)) + " " + f2b(imag(x))
		}
		if err != nil || !sameAnswerFields(got, out[i]) {
			t.Errorf("ParseLiteral(%q) = %q, %v; CPython %q", s, got, err, out[i])
		}
	}
}

// sameAnswerFields compares "type bits..." lines; NaNs match any NaN.
func sameAnswerFields(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fa) != len(fb) || fa[0] != fb[0] {
		return false
	}
	if fa[0] == "float" || fa[0] == "complex" {
		return sameAnswer(nil, strings.Join(fa[1:], " "), strings.Join(fb[1:], " "))
	}
	return a == b
}

func TestParseLiteralErrors(t *testing.T) {
	for _, s := range []string{"", "abc", "1__0", "_1", "1_", "012", "0x", "1e", "9223372036854775808", "1+", "(1", "float('x')",
		"complex('1+2j')", "1 2", "0x1p3", "--", "None+1", "1.5.5", "0b2", "float(1j)"} {
		if v, err := ParseLiteral(s); err == nil {
			t.Errorf("ParseLiteral(%q) = %v, want error", s, v)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) {
			t.Errorf("error %q does not name the text", err)
		}
	}
}

func TestError(t *testing.T) {
	e := Raise(ZeroDivisionError, "division by zero", "kernels.py", 12, "gcd")
	if e.Error() != "kernels.py:12: ZeroDivisionError: division by zero (in gcd)" {
		t.Errorf("got %q", e.Error())
	}
	var err error = fmt.Errorf("wrapped: %w", e)
	if !errors.Is(err, ErrZeroDivision) || errors.Is(err, ErrValue) {
		t.Error("errors.Is on class sentinels")
	}
	var pe *Error
	if !errors.As(err, &pe) || pe.Line != 12 {
		t.Error("errors.As")
	}
	if got := Raise(AssertionError, "", "k.py", 0, "").Error(); got != "k.py: AssertionError" {
		t.Errorf("got %q", got)
	}
	for s, c := range map[error]string{ErrValue: ValueError, ErrIndex: IndexError, ErrOverflow: OverflowError,
		ErrAssertion: AssertionError, ErrRuntime: RuntimeError, ErrType: TypeError, ErrZeroDivision: ZeroDivisionError} {
		if !errors.Is(Raise(c, "m", "f", 1, "g"), s) || s.Error() != c {
			t.Errorf("sentinel %v", s)
		}
	}
}

func TestEmbeddedSource(t *testing.T) {
	for _, name := range []string{"doc.go", "arith.go", "embed.go", "harness/harness.go", "harness/doc.go"} {
		if _, err := fs.Stat(Source, name); err != nil {
			t.Errorf("Source lacks %s: %v", name, err)
		}
	}
}

// Go's math functions that CPython reaches through C99 and that must be
// exact: checked over a grid in TestLibm; here the pure-Go helpers that
// mirror math module functions with CPython-specific rules.
func TestMathPredicates(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	if !MathDomainErr(-1, nan) || MathDomainErr(nan, nan) || !MathRangeErr(710, inf) || MathRangeErr(inf, inf) {
		t.Error("math_1 predicates")
	}
	if !FloatToIntOK(-9223372036854775808.0) || FloatToIntOK(9223372036854775808.0) || FloatToIntOK(nan) || FloatToIntOK(inf) {
		t.Error("FloatToIntOK bounds")
	}
}
