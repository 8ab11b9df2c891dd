package linalg

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// The C backend's linalg (runtime/c/src/pyc2go_linalg.c) is tested here,
// beside the Go one, on the same cases and with the same checks: ref.py
// calls it through ctypes and records its results next to numpy's.

// cFlags is how the tests build the C runtime: warnings are errors.
var cFlags = []string{"-std=c11", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra", "-Werror"}

// buildCLib compiles the C runtime and its linalg into a shared library
// with cc, linking LAPACKE and OpenBLAS as the README's build line does.
func buildCLib(t *testing.T, cc string) string {
	t.Helper()
	if _, err := exec.LookPath(cc); err != nil {
		t.Skipf("%s not installed", cc)
	}
	src := filepath.Join("..", "c", "src")
	lib := filepath.Join(t.TempDir(), "libpyc2go_linalg.so")
	args := slices.Concat(cFlags, []string{"-I", src, "-o", lib,
		filepath.Join(src, "pyc2go_runtime.c"), filepath.Join(src, "pyc2go_linalg.c"),
		"-llapacke", "-lopenblas", "-lm"})
	var out bytes.Buffer
	cmd := exec.Command(cc, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s(the C linalg needs liblapacke-dev and libopenblas-dev)", cc, args, err, out.String())
	}
	return lib
}

// TestCAgainstNumpy builds the C runtime with gcc and with clang and
// checks every ref.py case's C result against numpy's, like
// TestAgainstNumpy does for Go. It also counts the results that are
// numpy's bit for bit: the C backend calls the LAPACK numpy calls.
func TestCAgainstNumpy(t *testing.T) {
	for _, cc := range []string{"gcc", "clang"} {
		t.Run(cc, func(t *testing.T) {
			lib := buildCLib(t, cc)
			cases := runRef(t, lib)
			identical, compared := 0, 0
			var differ []string
			for _, c := range cases {
				if c.C == nil {
					t.Fatalf("%s: ref.py recorded no C result", c.ID)
				}
				want, got := c.loadResults(t, &c.NP), c.loadResults(t, c.C)
				var gotErr error
				if !c.C.OK {
					gotErr = &cError{c.C.Exc, c.C.Msg}
				}
				if msg := compareOutcome(c, want, &c.NP, got, gotErr); msg != "" {
					if why := c.Differs["c"]; why != "" {
						t.Logf("%s %s: known difference (%s): %s", c.ID, describe(c), why, msg)
						continue
					}
					t.Errorf("%s %s: %s", c.ID, describe(c), msg)
				}
				if c.NP.OK && c.C.OK {
					compared++
					if bitIdentical(t, c) {
						identical++
					} else {
						differ = append(differ, c.ID+" "+describe(c))
					}
				}
			}
			t.Logf("%d of %d successful cases bit-identical to numpy; the others: %v", identical, compared, differ)
		})
	}
}

// cError is a C backend exception as ref.py recorded it.
type cError struct{ exc, msg string }

func (e *cError) Error() string { return e.exc + ": " + e.msg }

// bitIdentical reports whether the C result files equal numpy's byte for
// byte (same dtype, shape and bits).
func bitIdentical(t *testing.T, c *refCase) bool {
	if len(c.C.Res) != len(c.NP.Res) {
		return false
	}
	for i := range c.NP.Res {
		a, err := os.ReadFile(filepath.Join(c.dir, c.NP.Res[i]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(c.dir, c.C.Res[i]))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) && !sameEigValues(t, c, i) {
			return false
		}
	}
	return true
}

// sameEigValues reports whether eig's i-th result, complex where numpy's
// is real (see sameDtype), has numpy's values bit for bit and zero
// imaginary parts.
func sameEigValues(t *testing.T, c *refCase, i int) bool {
	if c.Fn != "eig" && c.Fn != "eigvals" {
		return false
	}
	w, g := c.loadResults(t, &c.NP)[i], c.loadResults(t, c.C)[i]
	if !sameDtype(c.Fn, g.dtype, w.dtype) || len(w.v) != len(g.v) {
		return false
	}
	for j := range w.v {
		if math.Float64bits(real(w.v[j])) != math.Float64bits(real(g.v[j])) || imag(g.v[j]) != 0 {
			return false
		}
	}
	return true
}
