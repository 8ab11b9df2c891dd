package runtime

import (
	"math"
	"strings"
	"testing"
)

// libmCase compares a Go function against the CPython expression applied to
// the same inputs; mismatches are collected, not fatal, so the test can
// report rates for functions documented as last-bit approximations.
// far counts the mismatches more than 1 ulp away.
func libmCompare(t *testing.T, pyExpr string, args [][]float64, goFn func(a []float64) float64) (bad, far int, msgs []string) {
	var in strings.Builder
	for _, a := range args {
		for i, x := range a {
			if i > 0 {
				in.WriteByte(' ')
			}
			in.WriteString(f2b(x))
		}
		in.WriteByte('\n')
	}
	script := `
def f(a):
    try:
        return f2b(` + pyExpr + `)
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return 'exc'
for line in sys.stdin:
    a = [b2f(s) for s in line.split()]
    print(f(a))
`
	got := runPython(t, script, in.String())
	for i, a := range args {
		if got[i] == "exc" {
			continue
		}
		want := b2f(t, got[i])
		if g := goFn(a); !sameFloat(g, want) {
			bad++
			if ulps(g, want) > 1 {
				far++
			}
			if len(msgs) < 10 {
				msgs = append(msgs, strings.TrimSpace(strings.Repeat(" ", 0))+
					"args="+fmtArgs(a)+" go="+FormatFloat(g)+" py="+FormatFloat(want))
			}
		}
	}
	return bad, far, msgs
}

func fmtArgs(a []float64) string {
	s := make([]string, len(a))
	for i, x := range a {
		s[i] = FormatFloat(x)
	}
	return strings.Join(s, ",")
}

func posFloats(seed int64, n int) []float64 {
	var out []float64
	for _, x := range append(specialFloats, randFloats(seed, n)...) {
		out = append(out, math.Abs(x))
	}
	return out
}

func TestLibm(t *testing.T) {
	one := func(xs []float64) [][]float64 {
		var r [][]float64
		for _, x := range xs {
			r = append(r, []float64{x})
		}
		return r
	}
	xs := append(append([]float64{}, specialFloats...), randFloats(1, 4000)...)
	var small []float64
	for _, x := range randFloats(2, 3000) {
		small = append(small, math.Mod(x, 800))
	}
	var pairs [][]float64
	ys := randFloats(3, 3000)
	for i, x := range randFloats(4, 3000) {
		pairs = append(pairs, []float64{x, ys[i]})
	}
	var powPairs [][]float64
	for i, x := range posFloats(5, 3000) {
		y := ys[i%len(ys)]
		if i%3 == 0 {
			y = math.Mod(y, 50)
		}
		powPairs = append(powPairs, []float64{x, y})
	}
	for _, x := range specialFloats {
		for _, y := range specialFloats {
			pairs = append(pairs, []float64{x, y})
			powPairs = append(powPairs, []float64{x, y})
		}
	}
	cases := []struct {
		name, py string
		args     [][]float64
		fn       func(a []float64) float64
		maxBad   int // tolerated last-bit mismatches (documented approximations)
	}{
		// Exp, Log and pow are within 1 ulp of the correctly rounded result
		// and correctly rounded on all but about 1 in 1000 random inputs
		// (TestFastLibm); glibc's are correctly rounded except in rare
		// hard cases (~1 in 5000 random inputs, checked with decimal).
		// Both are within 1 ulp, so any mismatch must be 1 ulp, and at most
		// 0.3% of the inputs may differ (the exp inputs near 700 are 1 ulp
		// off most often: 8 of ~7000 when this was written).
		{"log", "math.log(a[0])", one(append(posFloats(6, 4000), xs...)), func(a []float64) float64 { return Log(a[0]) }, 21},
		{"exp", "math.exp(a[0])", one(append(small, xs...)), func(a []float64) float64 { return Exp(a[0]) }, 21},
		{"hypot", "math.hypot(a[0], a[1])", pairs, func(a []float64) float64 { return Hypot(a[0], a[1]) }, 0},
		{"pow", "math.pow(a[0], a[1])", powPairs, func(a []float64) float64 { return libmPow(a[0], a[1]) }, 21},
		// exact in both C and Go:
		{"sqrt", "math.sqrt(a[0])", one(xs), func(a []float64) float64 { return math.Sqrt(a[0]) }, 0},
		{"fmod", "math.fmod(a[0], a[1])", pairs, func(a []float64) float64 { return math.Mod(a[0], a[1]) }, 0},
		{"floor", "float(np.floor(a[0]))", one(xs), func(a []float64) float64 { return math.Floor(a[0]) }, 0},
		// Go's math.Atan2 gets the sign wrong when y/x underflows with
		// x < 0 (+Pi for atan2(-1e-300, -1e300)); Atan2 does not. (Other
		// atan2 results may differ from glibc's in the last bit.)
		{"atan2 underflow", "math.atan2(a[0], a[1])", [][]float64{{-1e-300, -1e300}, {1e-300, -1e300}, {-5e-324, -1}, {-0.0, -1}, {0, -1}, {-1e-300, 1e300}},
			func(a []float64) float64 { return Atan2(a[0], a[1]) }, 0},
		{"copysign", "math.copysign(a[0], a[1])", pairs, func(a []float64) float64 { return math.Copysign(a[0], a[1]) }, 0},
		{"ldexp", "math.ldexp(a[0], int(a[1]))", ldexpArgs(pairs), func(a []float64) float64 {
			return math.Ldexp(a[0], int(a[1]))
		}, 0},
	}
	for _, c := range cases {
		bad, far, msgs := libmCompare(t, c.py, c.args, c.fn)
		if far > 0 {
			t.Errorf("%s: %d/%d results more than 1 ulp from CPython's, e.g.\n  %s", c.name, far, len(c.args), strings.Join(msgs, "\n  "))
		}
		if bad > c.maxBad {
			t.Errorf("%s: %d/%d mismatches vs CPython, e.g.\n  %s", c.name, bad, len(c.args), strings.Join(msgs, "\n  "))
		} else if bad > 0 {
			t.Logf("%s: %d/%d last-bit mismatches (documented)", c.name, bad, len(c.args))
		}
	}
}

func ldexpArgs(pairs [][]float64) [][]float64 {
	var out [][]float64
	for i, p := range pairs {
		out = append(out, []float64{p[0], float64(i%2200 - 1100)})
	}
	return out
}
