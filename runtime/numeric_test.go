package runtime

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The Python side of the differential numeric tests: one request per line
// ("op arg..."), floats as exact bit patterns, one answer per line.
const numericPy = `
M = 1 << 64
def wrap(n):
    n %= M
    return n - M if n >= 1 << 63 else n
def c2b(z): return f2b(z.real) + ' ' + f2b(z.imag)
def run(op, a):
    F = lambda i: b2f(a[i])
    I = lambda i: int(a[i])
    if op == 'fdiv': return f2b(F(0) // F(1))
    if op == 'fmod': return f2b(F(0) % F(1))
    if op == 'divmod':
        q, r = divmod(F(0), F(1)); return f2b(q) + ' ' + f2b(r)
    if op == 'fpow':
        r = F(0) ** F(1)
        return 'complex' if isinstance(r, complex) else f2b(r)
    if op == 'round': return f2b(round(F(0), I(1)))
    if op == 'round0': return f2b(float(round(F(0))))
    if op == 'repr': return repr(F(0))
    if op == 'f32repr': return repr(np.float32(F(0)))
    if op == 'crepr': return repr(complex(F(0), F(1)))
    if op == 'cdiv': return c2b(complex(F(0), F(1)) / complex(F(2), F(3)))
    if op == 'cpow': return c2b(complex(F(0), F(1)) ** complex(F(2), F(3)))
    if op == 'cabs': return f2b(abs(complex(F(0), F(1))))
    if op == 'csqrt': return c2b(cmath.sqrt(complex(F(0), F(1))))
    if op == 'cexp': return c2b(cmath.exp(complex(F(0), F(1))))
    if op == 'clog': return c2b(cmath.log(complex(F(0), F(1))))
    if op == 'logb': return f2b(math.log(F(0), F(1)))
    if op == 'isclose': return str(math.isclose(F(0), F(1), rel_tol=F(2), abs_tol=F(3)))
    if op == 'deg': return f2b(math.degrees(F(0)))
    if op == 'rad': return f2b(math.radians(F(0)))
    if op == 'log1p': return f2b(math.log1p(F(0)))
    if op == 'idiv': return str(wrap(I(0) // I(1)))
    if op == 'imod': return str(wrap(I(0) % I(1)))
    if op == 'ipow': return str(wrap(I(0) ** I(1)))
    if op == 'iround': return str(wrap(round(I(0), I(1))))
    if op == 'gcd': return str(wrap(math.gcd(I(0), I(1))))
    if op == 'fact': return str(wrap(math.factorial(I(0))))
    if op == 'iabs': return str(wrap(abs(I(0))))
    if op == 'toint': return str(int(F(0))) if -2**63 <= int(F(0)) < 2**63 else 'big'
    raise Exception('bad op ' + op)
for line in sys.stdin:
    p = line.split()
    try:
        print(run(p[0], p[1:]))
    except Exception as e:
        print('E:' + type(e).__name__)
`

type numCase struct {
	op   string
	args []string
	got  string // Go's answer in the same encoding; "" = not computed yet
	skip func(py string) bool
}

func c2b(z complex128) string { return f2b(real(z)) + " " + f2b(imag(z)) }

// sameAnswer compares encoded answers, treating all NaN bit patterns alike.
func sameAnswer(t *testing.T, a, b string) bool {
	if a == b {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		x, err1 := strconv.ParseUint(fa[i], 16, 64)
		y, err2 := strconv.ParseUint(fb[i], 16, 64)
		if err1 != nil || err2 != nil || !sameFloat(math.Float64frombits(x), math.Float64frombits(y)) {
			return false
		}
	}
	return true
}

func runNumeric(t *testing.T, cases []numCase, tolerate map[string]int) {
	var in strings.Builder
	for i := range cases {
		c := &cases[i]
		if c.op == "fpow" && c.got == "complex" {
			// negative ** fractional leaves the float domain in CPython
			c.skip = func(py string) bool { return py == "complex" || py == "E:OverflowError" }
		}
		in.WriteString(c.op + " " + strings.Join(c.args, " ") + "\n")
	}
	out := runPython(t, numericPy, in.String())
	if len(out) != len(cases) {
		t.Fatalf("python returned %d lines for %d cases", len(out), len(cases))
	}
	bad := map[string]int{}
	total := map[string]int{}
	shown := map[string]int{}
	for i, c := range cases {
		py := out[i]
		if c.skip != nil && c.skip(py) {
			continue
		}
		total[c.op]++
		if !sameAnswer(t, c.got, py) && !(approxOps[c.op] && nearAnswer(c.got, py)) {
			bad[c.op]++
			if shown[c.op] < 8 {
				shown[c.op]++
				t.Logf("%s %s: go=%q python=%q", c.op, decodeArgs(c.args), c.got, py)
			}
		}
	}
	for op, n := range bad {
		if n > tolerate[op] {
			t.Errorf("%s: %d/%d mismatches vs CPython", op, n, total[op])
		} else {
			t.Logf("%s: %d/%d documented last-bit mismatches", op, n, total[op])
		}
	}
}

// approxOps depend on sin, cos or atan2, where Go's math differs from glibc
// in the last bits (documented); they must agree to within 4 ulp per part.
var approxOps = map[string]bool{"cexp": true, "clog": true, "cpow": true}

func nearAnswer(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		x, err1 := strconv.ParseUint(fa[i], 16, 64)
		y, err2 := strconv.ParseUint(fb[i], 16, 64)
		if err1 != nil || err2 != nil {
			return false
		}
		fx, fy := math.Float64frombits(x), math.Float64frombits(y)
		if sameFloat(fx, fy) {
			continue
		}
		if math.Signbit(fx) != math.Signbit(fy) || !isFinite(fx) || !isFinite(fy) {
			return false
		}
		d := int64(x) - int64(y)
		if d < -4 || d > 4 {
			return false
		}
	}
	return true
}

func decodeArgs(args []string) string {
	var s []string
	for _, a := range args {
		if u, err := strconv.ParseUint(a, 16, 64); err == nil && len(a) > 8 {
			s = append(s, FormatFloat(math.Float64frombits(u)))
		} else {
			s = append(s, a)
		}
	}
	return strings.Join(s, " ")
}

// isExc matches answers where CPython raised; the Go helper's value is then
// unspecified (the caller raises before or after calling it).
func isExc(py string) bool { return strings.HasPrefix(py, "E:") }

func floatGrid(seed int64, n int) []float64 {
	return append(append([]float64{}, specialFloats...), randFloats(seed, n)...)
}

func TestFloatArithVsCPython(t *testing.T) {
	var cases []numCase
	xs := floatGrid(10, 300)
	ys := floatGrid(11, 300)
	add := func(op string, got string, skip func(string) bool, args ...float64) {
		var s []string
		for _, a := range args {
			s = append(s, f2b(a))
		}
		cases = append(cases, numCase{op: op, args: s, got: got, skip: skip})
	}
	for _, x := range xs {
		for j, y := range ys {
			if j%7 != 0 && len(cases) > 0 && x != x {
				continue
			}
			if y != 0 {
				add("fdiv", f2b(FloorDivFloat(x, y)), nil, x, y)
				add("fmod", f2b(ModFloat(x, y)), nil, x, y)
				q, r := DivmodFloat(x, y)
				add("divmod", f2b(q)+" "+f2b(r), nil, x, y)
			}
			r, exc, _ := PowFloatCheck(x, y)
			want := f2b(r)
			if exc != "" {
				want = "E:" + exc
			} else if x < 0 && y != math.Floor(y) && isFinite(x) && isFinite(y) {
				want = "complex"
			}
			add("fpow", want, nil, x, y)
			add("crepr", FormatComplex(complex(x, y)), nil, x, y)
			add("isclose", fmt.Sprint(map[bool]string{true: "True", false: "False"}[Isclose(x, y, 1e-9, 0.0)]), nil, x, y, 1e-9, 0)
			add("isclose", map[bool]string{true: "True", false: "False"}[Isclose(x, y, math.Abs(x), math.Abs(y))], isExc, x, y, math.Abs(x), math.Abs(y))
		}
	}
	for _, x := range floatGrid(12, 3000) {
		add("repr", FormatFloat(x), nil, x)
		add("f32repr", FormatFloat32(float32(x)), nil, x)
		add("round0", f2b(RoundHalfEven(x)+0), isExc, x) // float(int) has no -0
		add("deg", f2b(Degrees(x)), nil, x)
		add("rad", f2b(Radians(x)), nil, x)
		add("log1p", f2b(Log1p(x)), isExc, x)
		want := "big"
		if FloatToIntOK(x) {
			want = strconv.FormatInt(FloatToInt(x), 10)
		}
		add("toint", want, isExc, x)
	}
	// float32 values that are exact (shortest-digit layout boundaries)
	for e := -50; e <= 50; e++ {
		for _, m := range []float64{1, 1.5, 9.999999, 0.1, 3.4028235} {
			x := m * math.Pow(10, float64(e))
			add("f32repr", FormatFloat32(float32(x)), nil, float64(float32(x)))
			add("repr", FormatFloat(x), nil, x)
		}
	}
	// glibc's pow is not correctly rounded in ~1/3000 of random cases; ours
	// is (verified with decimal on samples), so a small rate is expected.
	runNumeric(t, cases, map[string]int{"fpow": len(cases) / 3000})
}

func TestRoundVsCPython(t *testing.T) {
	var cases []numCase
	nds := []int64{-400, -309, -308, -307, -30, -20, -5, -2, -1, 0, 1, 2, 3, 5, 10, 15, 16, 17, 20, 100, 300, 322, 323, 324, 400}
	xs := floatGrid(20, 800)
	// decimal ties that are and are not exact in binary
	xs = append(xs, 0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, -2.5, 1234.5, 1e308, 1.7976931348623157e308, 5e-324, 2.5e-5)
	for _, x := range xs {
		for _, n := range nds {
			cases = append(cases, numCase{op: "round", args: []string{f2b(x), strconv.FormatInt(n, 10)}, got: f2b(RoundFloat(x, n)), skip: isExc})
		}
	}
	r := rand.New(rand.NewSource(21))
	ints := []int64{0, 1, -1, 5, -5, 15, 25, -25, 35, 45, 55, 150, 250, -250, 1234567, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, 5e18, -5e18, 9e18, -9e18}
	for i := 0; i < 300; i++ {
		ints = append(ints, r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)))
	}
	for _, x := range ints {
		for _, n := range []int64{-30, -20, -19, -18, -10, -3, -2, -1, 0, 2} {
			cases = append(cases, numCase{op: "iround", args: []string{itoa(x), itoa(n)}, got: itoa(RoundInt(x, n))})
		}
	}
	runNumeric(t, cases, nil)
}

func itoa(x int64) string { return strconv.FormatInt(x, 10) }

func TestIntArithVsCPython(t *testing.T) {
	var cases []numCase
	r := rand.New(rand.NewSource(30))
	ints := []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 12, -12, 18, 100, -100, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for i := 0; i < 60; i++ {
		ints = append(ints, r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)))
	}
	for _, a := range ints {
		cases = append(cases, numCase{op: "iabs", args: []string{itoa(a)}, got: itoa(IntAbs(a))})
		for _, b := range ints {
			if b != 0 {
				cases = append(cases, numCase{op: "idiv", args: []string{itoa(a), itoa(b)}, got: itoa(FloorDivInt(a, b))})
				cases = append(cases, numCase{op: "imod", args: []string{itoa(a), itoa(b)}, got: itoa(ModInt(a, b))})
			}
			cases = append(cases, numCase{op: "gcd", args: []string{itoa(a), itoa(b)}, got: itoa(Gcd(a, b))})
		}
		for _, e := range []int64{0, 1, 2, 3, 10, 63, 64, 65, 100, 1001} {
			cases = append(cases, numCase{op: "ipow", args: []string{itoa(a), itoa(e)}, got: itoa(PowInt(a, e))})
		}
	}
	for n := int64(0); n < 80; n++ {
		cases = append(cases, numCase{op: "fact", args: []string{itoa(n)}, got: itoa(Factorial(n))})
	}
	runNumeric(t, cases, nil)
}

func TestComplexVsCPython(t *testing.T) {
	var cases []numCase
	parts := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3, 1e-300, -1e300, 1e200, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 0.7, 1.2, -0.3}
	add := func(op, got string, skip func(string) bool, args ...float64) {
		var s []string
		for _, a := range args {
			s = append(s, f2b(a))
		}
		cases = append(cases, numCase{op: op, args: s, got: got, skip: skip})
	}
	rs := randFloats(40, 400)
	var zs []complex128
	for _, a := range parts {
		for _, b := range parts {
			zs = append(zs, complex(a, b))
		}
	}
	for i := 0; i+1 < len(rs); i += 2 {
		zs = append(zs, complex(math.Mod(rs[i], 50), math.Mod(rs[i+1], 50)))
	}
	for _, z := range zs {
		a, b := real(z), imag(z)
		add("crepr", FormatComplex(z), nil, a, b)
		add("cabs", f2b(ComplexAbs(z)), isExc, a, b)
		add("csqrt", c2b(CmathSqrt(z)), nil, a, b)
		e, exc := CmathExpCheck(z)
		w := c2b(e)
		if exc != "" {
			w = "E:" + exc
		}
		add("cexp", w, nil, a, b)
		if z != 0 {
			add("clog", c2b(CmathLog(z)), nil, a, b)
		}
	}
	exps := []complex128{0, 1, 2, 3, -1, -2, 5, 17, 100, -100, 101, 0.5, complex(0, 1), complex(1.5, -0.5), complex(-2, 0.25), 1e10}
	for i, z := range zs {
		for j, w := range append(exps, zs[(i*7)%len(zs)], zs[(i*13+5)%len(zs)]) {
			if j > 3 && i%3 != 0 {
				continue
			}
			p, exc := ComplexPowCheck(z, w)
			g := c2b(p)
			if exc != "" {
				g = "E:" + exc
			}
			add("cpow", g, nil, real(z), imag(z), real(w), imag(w))
			if w != 0 {
				add("cdiv", c2b(ComplexDiv(z, w)), nil, real(z), imag(z), real(w), imag(w))
			}
		}
	}
	// last-bit differences come from Go's sin/cos/atan2 (documented)
	runNumeric(t, cases, map[string]int{"cpow": len(cases) / 20, "cexp": len(zs) / 50, "clog": len(zs) / 50})
}

func TestMathLogVsCPython(t *testing.T) {
	var cases []numCase
	for _, x := range floatGrid(50, 200) {
		for _, b := range []float64{2, 10, 0.5, math.E, 3, 1e-300, math.Inf(1), 7.5} {
			cases = append(cases, numCase{op: "logb", args: []string{f2b(x), f2b(b)}, got: f2b(MathLog(x, b)), skip: isExc})
		}
	}
	runNumeric(t, cases, map[string]int{"logb": 3})
}
