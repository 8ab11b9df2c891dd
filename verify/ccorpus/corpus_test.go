package ccorpus_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/verify"
)

// knownDifferent lists corpus functions whose C results differ from
// CPython on purpose, with the reason; each must still differ.
var knownDifferent = map[string]string{
	// The same IR as the Go backend: see verify.TestCorpus.
	"arrays/sum_layouts.py:sum_t_nested_expr": "sum of an expression whose operand combines transposed arrays: C-ordered temporary, last bits differ",
	// README, The C backend: gcc treats the sign of a NaN as insignificant
	// and computes (-3.0 * y) as -(3.0 * y) when 3.0 * y is at hand, so
	// only math.copysign of a NaN can tell.
	"scalar/floor_mod.py:exact_multiple_mod": "the sign of a NaN result: gcc rewrites (-c) * y as -(c * y)",
}

// TestCorpusC is verify.TestCorpus through the C backend. It needs a C
// compiler and skips, saying so, without one.
func TestCorpusC(t *testing.T) {
	if _, err := exec.LookPath(driver.CC()); err != nil {
		t.Skipf("no C compiler %q on PATH: the C backend's half of the corpus is skipped", driver.CC())
	}
	if _, err := verify.FindPython(""); err != nil {
		t.Fatalf("%v\nThe differential tests need the reference interpreter: apt-get install -y python3-numpy", err)
	}
	n := 30
	if testing.Short() {
		n = 8
	}
	files, err := corpus.Kernels("../../testdata/py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no kernels under testdata/py: %v", err)
	}
	for _, path := range files {
		for _, opt := range []int{0, 2} {
			name := strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/py/")
			t.Run(name+"/O"+string(rune('0'+opt)), func(t *testing.T) {
				t.Parallel()
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				cfg := driver.Config{OptLevel: opt, Verify: true, Lang: "c"}
				res, err := driver.Compile(path, src, cfg)
				if err != nil {
					t.Fatalf("compile: %v", err)
				}
				bin, err := res.Build(cfg)
				if err != nil {
					t.Fatalf("build: %v", err)
				}
				cases := n
				if strings.HasPrefix(name, "arrays/") {
					cases = min(n, 12)
				}
				rep, err := verify.Run(res, bin, verify.Options{Seed: 1, N: cases, Cases: verify.CasesFile(path)})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range rep.Funcs {
					key := name + ":" + f.Name
					reason, known := knownDifferent[key]
					switch {
					case known && len(f.Failed) == 0 && !testing.Short():
						t.Errorf("%s agrees with CPython now; remove it from knownDifferent (%s)", key, reason)
					case !known && len(f.Failed) > 0:
						var b strings.Builder
						(&verify.Report{Funcs: []*verify.FuncReport{f}}).Write(&b)
						t.Errorf("%s differs from CPython:\n%s", key, b.String())
					}
				}
			})
		}
	}
}
