package verify_test

import (
	"os"
	"strings"
	"testing"

	"path/filepath"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/verify"
)

// TestOptLevelsIdentical builds every corpus kernel at -O0 and -O2 and
// requires both builds to give byte-identical outputs on the same inputs:
// results, arrays mutated in place, exception classes and messages. It
// holds where TestCorpus compares with CPython within a tolerance (inexact
// intrinsics), because the optimisation passes must not change a single
// bit. Fewer cases than TestCorpus keep it fast; the first generated cases
// include the empty and one-row shapes.
func TestOptLevelsIdentical(t *testing.T) {
	if _, err := verify.FindPython(""); err != nil {
		t.Fatalf("%v\nThe differential tests need the reference interpreter: apt-get install -y python3-numpy", err)
	}
	n := 10
	if testing.Short() {
		n = 4
	}
	for _, path := range corpusFiles(t) {
		name := strings.TrimPrefix(filepath.ToSlash(path), "../testdata/py/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var bins [2]string
			var res *driver.Result
			for i, opt := range []int{0, 2} {
				cfg := driver.Config{OptLevel: opt, Verify: true}
				r, err := driver.Compile(path, src, cfg)
				if err != nil {
					t.Fatalf("compile -O%d: %v", opt, err)
				}
				if bins[i], err = r.Build(cfg); err != nil {
					t.Fatalf("build -O%d: %v", opt, err)
				}
				res = r
			}
			bad, err := verify.Identical(res, bins[0], bins[1], verify.Options{Seed: 2, N: n, Cases: verify.CasesFile(path)})
			if err != nil {
				t.Fatal(err)
			}
			for i, m := range bad {
				if i == 5 {
					t.Errorf("... and %d more", len(bad)-i)
					break
				}
				t.Errorf("%s(%s): -O0 %s, -O2 %s %s", m.Func, strings.Join(m.Args, ", "), m.A, m.B, m.Detail)
			}
		})
	}
}
