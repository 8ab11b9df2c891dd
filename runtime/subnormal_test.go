package runtime

import (
	"math"
	"testing"
)

// TestLogSubnormalVsCPython: Go's assembly math.Log is wrong for subnormal
// arguments, and math.Log10 and math.Lgamma go through it; Log10 and
// Lgamma must agree with CPython there (and elsewhere, to the
// transcendental tolerance; exact powers of ten exactly).
func TestLogSubnormalVsCPython(t *testing.T) {
	xs := []float64{5e-324, 1e-310, 2e-320, 2.2250738585072014e-308, 1.5e-308, 1e-300, 0.5, 1, 3, 10, 1000, 1e22, 1e300, 123.456}
	for _, x := range randFloats(11, 300) {
		xs = append(xs, math.Abs(x))
	}
	for _, c := range []struct {
		py  string
		fn  func(float64) float64
		tol float64
	}{
		{"math.log10(a[0])", Log10, 1e-15},
		{"math.lgamma(a[0])", Lgamma, 1e-13},
		{"math.lgamma(-a[0])", func(x float64) float64 { return Lgamma(-x) }, 1e-13},
	} {
		var args [][]float64
		for _, x := range xs {
			args = append(args, []float64{x})
		}
		bad, msgs := libmCompareTol(t, c.py, args, func(a []float64) float64 { return c.fn(a[0]) }, c.tol)
		if bad > 0 {
			t.Errorf("%s: %d mismatches, e.g. %v", c.py, bad, msgs)
		}
	}
	for e := -22; e <= 22; e++ {
		if got := Log10(math.Pow(10, float64(e))); got != float64(e) {
			t.Errorf("Log10(1e%d) = %v", e, got)
		}
	}
}

// libmCompareTol is libmCompare with a relative tolerance.
func libmCompareTol(t *testing.T, pyExpr string, args [][]float64, goFn func(a []float64) float64, tol float64) (int, []string) {
	t.Helper()
	bad := 0
	var msgs []string
	got := runPython(t, `
def f(a):
    try:
        return f2b(`+pyExpr+`)
    except (ValueError, OverflowError, ZeroDivisionError):
        return 'exc'
for line in sys.stdin:
    print(f([b2f(s) for s in line.split()]))
`, joinArgs(args))
	for i, a := range args {
		if got[i] == "exc" {
			continue
		}
		want := b2f(t, got[i])
		g := goFn(a)
		if sameFloat(g, want) {
			continue
		}
		if math.Abs(g-want) <= tol*math.Abs(want) {
			continue
		}
		bad++
		if len(msgs) < 5 {
			msgs = append(msgs, "args="+fmtArgs(a)+" go="+FormatFloat(g)+" py="+FormatFloat(want))
		}
	}
	return bad, msgs
}

func joinArgs(args [][]float64) string {
	s := ""
	for _, a := range args {
		for i, x := range a {
			if i > 0 {
				s += " "
			}
			s += f2b(x)
		}
		s += "\n"
	}
	return s
}
