package lower_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/typeinfer"
)

// check parses and type-checks src.
func check(t *testing.T, path string, src []byte) *typeinfer.Info {
	t.Helper()
	f, err := frontend.ParseFile(path, src)
	if err != nil {
		if el, ok := err.(frontend.ErrorList); ok {
			t.Fatalf("parse %s:\n%s", path, el.Render(path, src))
		}
		t.Fatalf("parse %s: %v", path, err)
	}
	info, err := typeinfer.Check(f)
	if err != nil {
		if el, ok := err.(frontend.ErrorList); ok {
			t.Fatalf("typeinfer %s:\n%s", path, el.Render(path, src))
		}
		t.Fatalf("typeinfer %s: %v", path, err)
	}
	return info
}

// noLoopPasses disables the loop passes (licm, contig, stride, window), for
// tests that count the loops and checks lowering makes: contig copies loops.
var noLoopPasses = map[string]bool{"licm": true, "contig": true, "stride": true, "window": true}

// lowerSrc lowers src at the given level with verification on.
func lowerSrc(t *testing.T, path string, src []byte, cfg lower.Config) *ir.Module {
	t.Helper()
	cfg.Verify = true
	m, err := lower.Module(check(t, path, src), cfg)
	if err != nil {
		if el, ok := err.(frontend.ErrorList); ok {
			t.Fatalf("lower %s:\n%s", path, el.Render(path, src))
		}
		t.Fatalf("lower %s: %v", path, err)
	}
	return m
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
			o0 := lowerSrc(t, path, src, lower.Config{OptLevel: 0})
			o2 := lowerSrc(t, path, src, lower.Config{OptLevel: 2})
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
				m := lowerSrc(t, path, src, lower.Config{OptLevel: lvl})
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
			lowerSrc(t, path, src, lower.Config{OptLevel: lvl})
		}
	}
}
