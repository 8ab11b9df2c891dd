package verify_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/verify"
)

const parallelKernels = "../testdata/py/arrays/parallel.py"

// backends are the targets the parallel tests build: the Go backend's
// goroutines and the C backend's OpenMP threads (skipped without a C
// compiler, by needCC).
var backends = []string{"go", "c"}

func needBackend(t *testing.T, lang string) {
	t.Helper()
	if lang == "c" {
		needCC(t)
	}
}

// TestParallelWorkers runs the parallel corpus kernels with 1, 2 and 3
// workers (PYC2GO_WORKERS, read by the compiled program) on both
// backends: every run must agree with CPython, so the worker count never
// shows in a result or an exception.
func TestParallelWorkers(t *testing.T) {
	if _, err := verify.FindPython(""); err != nil {
		t.Skip(err)
	}
	for _, lang := range backends {
		t.Run(lang, func(t *testing.T) {
			needBackend(t, lang)
			testParallelWorkers(t, lang)
		})
	}
}

func testParallelWorkers(t *testing.T, lang string) {
	res, bin := buildKernels(t, driver.Config{Opt: opt.Config{OptLevel: 2, Verify: true}, Lang: lang})
	for _, w := range []string{"1", "2", "3"} {
		t.Run("workers="+w, func(t *testing.T) {
			t.Setenv("PYC2GO_WORKERS", w)
			rep, err := verify.Run(res, bin, verify.Options{Seed: 3, N: 4, Cases: verify.CasesFile(parallelKernels), RefCache: corpus.RefCache()})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK() {
				var b strings.Builder
				rep.Write(&b)
				t.Error(b.String())
			}
		})
	}
}

// TestParallelFastMathDeterministic: under --fastmath a float reduction
// runs in chunks, and its result still does not depend on the worker
// count, nor on the backend, because the chunks depend only on the trip
// count and the partials are folded in chunk order.
func TestParallelFastMathDeterministic(t *testing.T) {
	var first string
	for _, lang := range backends {
		t.Run(lang, func(t *testing.T) {
			needBackend(t, lang)
			out := parallelFastMath(t, lang)
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%s backend:\n%s\ngo backend:\n%s", lang, out, first)
			}
		})
	}
}

// parallelFastMath runs fsum and two integer reductions on 100003
// elements with 1, 2 and 3 workers, checks the three outputs are the
// same and returns it.
func parallelFastMath(t *testing.T, lang string) string {
	res, bin := buildKernels(t, driver.Config{Opt: opt.Config{OptLevel: 2, Verify: true, FastMath: true}, Lang: lang})
	par := false
	for _, f := range res.Module.Funcs {
		ir.WalkStmts(f.Body, func(s ir.Stmt) {
			// The chunk pass writes a parallel loop out as a concurrent
			// loop over chunks (and folds the partials after it).
			if l, ok := s.(*ir.For); ok && f.Name == "fsum" && l.Concurrent {
				par = true
			}
		})
	}
	if !par {
		t.Fatal("fsum's loop is not a parallel float reduction under fastmath")
	}
	dir := t.TempDir()
	n := 100003
	xs := make([]float64, n)
	is := make([]int64, n)
	for i := range xs {
		xs[i] = math.Sin(float64(i)*0.37) * math.Exp(float64(i%17))
		is[i] = int64(i*7919%20011) - 10000
	}
	fx, fi := filepath.Join(dir, "x.npy"), filepath.Join(dir, "i.npy")
	if err := runtime.WriteNpyFile(fx, &runtime.NpyArray{Dtype: "<f8", Shape: []int{n}, Data: xs}); err != nil {
		t.Fatal(err)
	}
	if err := runtime.WriteNpyFile(fi, &runtime.NpyArray{Dtype: "<i8", Shape: []int{n}, Data: is}); err != nil {
		t.Fatal(err)
	}
	req := fmt.Sprintf(`{"func":"fsum","args":[{"npy":%q}]}
{"func":"int_reductions","args":[{"npy":%q}]}
{"func":"isum","args":[{"npy":%q}]}
`, fx, fi, fi)
	var first string
	for _, w := range []string{"1", "2", "3"} {
		cmd := exec.Command(bin, "batch")
		cmd.Env = append(os.Environ(), "PYC2GO_WORKERS="+w)
		cmd.Stdin = strings.NewReader(req)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("workers %s: %v\n%s", w, err, stderr.String())
		}
		if w == "1" {
			first = string(out)
			continue
		}
		if string(out) != first {
			t.Errorf("workers %s:\n%s\nworkers 1:\n%s", w, out, first)
		}
	}
	if strings.Count(first, "repr") != 3 {
		t.Errorf("want three results, got:\n%s", first)
	}
	return first
}

func buildKernels(t *testing.T, cfg driver.Config) (*driver.Result, string) {
	t.Helper()
	src, err := os.ReadFile(parallelKernels)
	if err != nil {
		t.Fatal(err)
	}
	res, err := driver.Compile(parallelKernels, src, cfg)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	bin, err := res.Build(cfg)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res, bin
}
