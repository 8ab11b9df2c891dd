package typeinfer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
)

// loopProgram writes a module whose functions carry values around loops so
// that their types change from one iteration to the next: numbers climbing
// the tower, tuples whose elements widen, arrays, calls between the
// functions (recursion included) and the constructs whose errors once hid
// behind "did not reach a fixed point" (too many indices, an unsupported
// call inside a returned tuple). The bytes choose everything, so the
// fuzzer explores programs rather than random text the parser rejects.
func loopProgram(b []byte) string {
	next := func() int {
		if len(b) == 0 {
			return 0
		}
		v := int(b[0])
		b = b[1:]
		return v
	}
	pick := func(xs []string) string { return xs[next()%len(xs)] }
	// Mostly well-typed statements, so that many programs check and the
	// iteration really has to settle (numbers climbing the tower through
	// loop-carried variables, tuples whose elements widen); one in eight
	// from the wild ones.
	scalars := []string{
		"x", "x + 1", "x + b", "x * 1j", "x / 2", "-x", "abs(x)", "z + x",
		"t[0]", "t[1]", "g(x)", "min(x, b)", "max(x, 1)", "float(a)",
		"x if a > 0 else b", "x ** 2", "y[0]", "len(y)", "np.float32(x)",
		"np.int8(a)", "True", "t[0] * z", "g(z) + x",
	}
	tuples := []string{"(t[1], t[0])", "(x, 1)", "(z, x)", "(t[0] + z, x)", "divmod(a, 2)", "(a, b)"}
	wild := []string{
		"y[0, 0]", "np.foo(y)", "f(a, b, y)[0]", "x if a > 0 else t", "divmod(x, 2)",
		"complex(x)", "np.sqrt(y)", "y * x", "None", "int(x)", "(x, t)", "x // 2",
		"sum(v for v in y)", "[x]", "lambda q: q + x", "c", "(x, 1, 2)", "t + t",
	}
	stmt := func() string {
		if next()%8 == 0 {
			return pick([]string{"x", "t", "z", "x, z", "y[0]"}) + " = " + pick(wild)
		}
		switch next() % 6 {
		case 0:
			return "t = " + pick(tuples)
		case 1:
			return "x, z = " + pick(tuples)
		case 2:
			return pick([]string{"x", "z"}) + " += " + pick(scalars)
		case 3:
			return "y[0] = " + pick(scalars)
		}
		return pick([]string{"x", "z"}) + " = " + pick(scalars)
	}
	var sb strings.Builder
	sb.WriteString("import numpy as np\n\n\n")
	sb.WriteString("def g(v: float):\n    w = v\n")
	for i := next() % 4; i > 0; i-- {
		fmt.Fprintf(&sb, "    w = %s\n", pick([]string{"w + 1", "w * 1j", "-w", "abs(w)", "w / 2", "g(w)", "w if v > 0 else 1", "min(w, v)"}))
	}
	sb.WriteString("    return w\n\n\n")
	sb.WriteString("def f(a: int, b: float, y: \"float64[:]\"):\n    x = a\n    t = (a, b)\n    z = b\n")
	loops := []string{"for i in range(3):", "while x != 0:", "for v in y:", "if a > 1:"}
	depth := 1
	for i := 2 + next()%10; i > 0; i-- {
		switch next() % 4 {
		case 0:
			if depth < 4 {
				fmt.Fprintf(&sb, "%s%s\n", strings.Repeat("    ", depth), pick(loops))
				depth++
			}
		case 1:
			if depth > 1 {
				depth--
			}
		}
		fmt.Fprintf(&sb, "%s%s\n", strings.Repeat("    ", depth), stmt())
	}
	fmt.Fprintf(&sb, "    return %s\n", pick([]string{"x", "t", "x, t", "x, 1", "z, x", "(x, z)", "t[0]", "x, g(z)"}))
	return sb.String()
}

// checkNoInternal type-checks src and fails on a panic or on a
// diagnostic that is an internal error: whatever the input, type
// inference ends with types or with diagnostics at the user's code.
func checkNoInternal(t *testing.T, src string) {
	t.Helper()
	f, err := frontend.ParseFile("loop.py", []byte(src))
	if err != nil {
		return // the front end's own fuzz test covers its errors
	}
	_, err = Check(f)
	if err == nil {
		return
	}
	for _, e := range err.(frontend.ErrorList) {
		if strings.Contains(e.Msg, "internal error") || e.Pos.Line < 1 {
			t.Fatalf("%v: %s\n%s", e.Pos, e.Msg, src)
		}
	}
}

// FuzzLoopTypes drives type inference with generated programs whose loops
// change the types of the values they carry (`go test -fuzz
// FuzzLoopTypes ./typeinfer` explores; plain `go test` runs the seeds).
func FuzzLoopTypes(f *testing.F) {
	for _, s := range []string{"", "\x00", "\x01\x02\x03\x04\x05\x06\x07", "\xff\x10\x20\x30\x40\x50\x60\x70\x80\x90"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkNoInternal(t, loopProgram(b))
	})
}

// TestLoopTypesSeeds runs a fixed sample of the fuzzer's programs, and the
// two reproductions of issue #12, on every `go test`.
func TestLoopTypesSeeds(t *testing.T) {
	checkNoInternal(t, "def f(y: \"float64[:]\"):\n    c = y[0, 0]\n    return c, 1\n")
	checkNoInternal(t, "import numpy as np\n\n\ndef f(y: \"float64[:]\"):\n    c = np.foo(y)\n    return c, 1\n")
	n := 400
	if testing.Short() {
		n = 100
	}
	rng := rand.New(rand.NewSource(12))
	for i := 0; i < n; i++ {
		b := make([]byte, 40)
		rng.Read(b)
		checkNoInternal(t, loopProgram(b))
	}
}

// TestUnsettledReported lowers the pass bound below what a program needs,
// so the types are still changing when it is hit: the result must be a
// diagnostic at the variable that changes, not a panic or an internal
// error.
func TestUnsettledReported(t *testing.T) {
	defer func(n int) { maxPasses = n }(maxPasses)
	maxPasses = 1
	src := "def f(a: int, b: float):\n    x = a\n    y = x\n    for i in range(3):\n        y = x\n        x = b\n    return y\n"
	file, err := frontend.ParseFile("u.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Check(file)
	if err == nil {
		t.Fatal("Check succeeded with a pass bound of 1")
	}
	got := err.Error()
	if want := "cannot infer the type of 'y': it keeps changing (from int to float here)"; !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}
