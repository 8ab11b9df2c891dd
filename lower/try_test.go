package lower_test

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// TestTryInParallelLoop checks the diagnostic for a try in a prange loop.
func TestTryInParallelLoop(t *testing.T) {
	src := `import numba


def inverse_sum(a: "float64[:]") -> float:
    s = 0.0
    for i in numba.prange(a.shape[0]):
        try:
            s += 1.0 / a[i]
        except ZeroDivisionError:
            pass
    return s
`
	f, err := frontend.ParseFile("k.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	info, err := typeinfer.Check(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lower.Module(info, lower.Config{})
	want := "k.py:7:9: error: unsupported: try in a parallel loop (prange)"
	if err == nil || !strings.Contains(err.Error(), "7:9") || !strings.Contains(err.Error(), "try in a parallel loop (prange)") {
		t.Fatalf("got %v, want %s...", err, want)
	}
}

// TestTryShape checks how try/except/else/finally lowers: the except
// clauses are one ir.Try whose handlers list subclasses, else runs under
// a flag, finally runs after the body, in a catch-all handler that
// re-raises, and before a return that leaves the try.
func TestTryShape(t *testing.T) {
	src := `def f(a: int, b: int) -> int:
    try:
        if a > 100:
            return a
        q = a // b
    except ArithmeticError as e:
        print(e)
        q = 0
    else:
        q += 1
    finally:
        print("done")
    return q
`
	m := lowerSrcNoPasses(t, src)
	got := ir.PrintFunc(m.Funcs[0])
	for _, want := range []string{
		"try 1 {",
		"try 2 {",
		"} except ArithmeticError FloatingPointError OverflowError ZeroDivisionError {",
		`write exc(2) + "\n"`,
		"if noexc {",
		"if !fin {",
		"reraise 1",
		"fin = true",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	// The return inside the try runs the finally first: the write of
	// "done" comes between fin = true and the return of a (saved in t1).
	i := strings.Index(got, "fin = true")
	j := strings.Index(got[i:], "return t1")
	if i < 0 || j < 0 || !strings.Contains(got[i:i+j], `write "done\n"`) {
		t.Errorf("the return inside the try does not run the finally first:\n%s", got)
	}
}

func lowerSrcNoPasses(t *testing.T, src string) *ir.Module {
	t.Helper()
	return lowerSrc(t, "k.py", []byte(src), driver.Config{})
}
