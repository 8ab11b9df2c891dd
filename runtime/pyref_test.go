package runtime

import (
	"bytes"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// CPython (with numpy) is the oracle for every expectation in these tests.
const refPython = "/usr/bin/python3"

// pyPrelude gives scripts helpers to move floats as exact bit patterns.
const pyPrelude = `
import sys, struct, math, cmath
import numpy as np
def f2b(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def b2f(s): return struct.unpack('<d', struct.pack('<Q', int(s, 16)))[0]
`

// runPython runs script (after pyPrelude) with stdin and returns stdout
// lines. A missing interpreter or numpy fails the test with an install hint.
func runPython(t testing.TB, script, stdin string, pyArgs ...string) []string {
	t.Helper()
	if _, err := os.Stat(refPython); err != nil {
		t.Fatalf("%s not found; the tests need CPython 3.11 with numpy: apt-get install -y python3-numpy", refPython)
	}
	if out, err := exec.Command(refPython, "-c", "import numpy").CombinedOutput(); err != nil {
		t.Fatalf("%s lacks numpy (%v: %s): apt-get install -y python3-numpy", refPython, err, out)
	}
	f := filepath.Join(t.TempDir(), "ref.py")
	if err := os.WriteFile(f, []byte(pyPrelude+script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(refPython, append([]string{f}, pyArgs...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python failed: %v\n%s", err, stderr.String())
	}
	s := strings.TrimRight(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func f2b(x float64) string { return strconv.FormatUint(math.Float64bits(x), 16) }

func b2f(t testing.TB, s string) float64 {
	u, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		t.Fatalf("bad hex %q", s)
	}
	return math.Float64frombits(u)
}

// sameFloat is bit equality except that all NaNs are equal (CPython does
// not promise NaN payloads or signs).
func sameFloat(a, b float64) bool {
	if a != a && b != b {
		return true
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// specialFloats are the corner values every float grid includes.
var specialFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -1.5, 2, -2, 2.5, -2.5, 3, -3, 0.1, -0.1, 7, -7,
	1e-300, -1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, 1e300, -1e300,
	math.MaxFloat64, -math.MaxFloat64, 9007199254740993, 4503599627370497.5, 1e16, 1e22, -1e22,
	math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, -math.E, 123.456, 0.3, 1e-5, 0.0001,
}

// randFloats returns n deterministic doubles spread over many binades,
// signs and special patterns. With -short, the first quarter of them:
// the grids against CPython are the quick inner loop's largest cost.
func randFloats(seed int64, n int) []float64 {
	if testing.Short() {
		n = (n + 3) / 4
	}
	r := rand.New(rand.NewSource(seed))
	out := make([]float64, 0, n)
	for len(out) < n {
		var x float64
		switch r.Intn(5) {
		case 0: // arbitrary bit pattern
			x = math.Float64frombits(r.Uint64())
		case 1: // moderate magnitudes
			x = (r.Float64()*2 - 1) * math.Pow(10, float64(r.Intn(12)-4))
		case 2: // small integers and halves
			x = float64(r.Intn(41)-20) / 2
		case 3: // few decimal digits
			x = float64(r.Intn(2000000)-1000000) / math.Pow(10, float64(r.Intn(8)))
		default:
			x = r.NormFloat64() * 10
		}
		out = append(out, x)
	}
	return out
}
