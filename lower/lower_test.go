package lower_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/ir"
	"github.com/pyc2go/pyc2go/lower"
	"github.com/pyc2go/pyc2go/typeinfer"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func updating() bool { return *update || os.Getenv("PYC2GO_UPDATE") == "1" }

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

// golden compares got with testdata/name.golden (or rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update or PYC2GO_UPDATE=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
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
			golden(t, name, "# -O0\n"+ir.Print(o0)+"\n# -O2\n"+ir.Print(o2))
		})
	}
}

// TestCorpus lowers every kernel of the shared corpus at -O0 and -O2 with
// the verifier on after lowering and after every pass.
func TestCorpus(t *testing.T) {
	var files []string
	root := filepath.Join("..", "testdata", "py")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("corpus is empty")
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
