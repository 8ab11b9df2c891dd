package lower_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/ir"
)

// noLoopPasses disables the loop passes (licm, contig, stride, window), for
// tests that count the loops and checks lowering makes: contig copies loops.
var noLoopPasses = map[string]bool{"licm": true, "contig": true, "stride": true, "window": true}

// lowerSrc compiles src with cfg (lowering, then the passes cfg selects)
// with the verifier on after lowering and after every pass.
func lowerSrc(t *testing.T, path string, src []byte, cfg driver.Config) *ir.Module {
	t.Helper()
	return irtest.Compile(t, path, src, cfg)
}

// checkGolden compares got with testdata/name.golden (or rewrites it).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name+".golden"), []byte(got))
}

// TestGolden lowers each testdata/*.py at -O0 and -O2 and compares the
// printed IR with testdata/NAME.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.py")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			o0 := lowerSrc(t, path, src, irtest.At(0))
			o2 := lowerSrc(t, path, src, irtest.At(2))
			checkGolden(t, name, "# -O0\n"+ir.Print(o0)+"\n# -O2\n"+ir.Print(o2))
		})
	}
}

// TestCorpus lowers every kernel of the shared corpus at -O0 and -O2 with
// the verifier on after lowering and after every pass.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "testdata", "py")
	files, err := corpus.Kernels(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no kernels under testdata/py")
	}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, lvl := range []int{0, 2} {
				m := lowerSrc(t, path, src, irtest.At(lvl))
				if m.File != filepath.Base(path) {
					t.Errorf("File = %q, want %q", m.File, filepath.Base(path))
				}
			}
		})
	}
}

// TestArrayKernels lowers testdata/arrays_verify/*.py, kernels checked
// against numpy with `pyc2go verify`, at -O0 and -O2 with the verifier on
// after lowering and after every pass.
func TestArrayKernels(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "arrays_verify", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, lvl := range []int{0, 2} {
			lowerSrc(t, path, src, irtest.At(lvl))
		}
	}
}
