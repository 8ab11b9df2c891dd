package driver

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/corpus"
	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/opt"
)

// TestGoldenGo compiles every corpus kernel to Go and compares it with
// testdata/golden/<dir>/<name>.go (regenerate with -update or
// PYC2GO_UPDATE=1), then checks that all goldens build and pass go vet as
// one module, the way a user's module would hold them.
func TestGoldenGo(t *testing.T) {
	files := kernelFiles("../testdata/py/*/*.py")
	if len(files) == 0 {
		t.Fatal("no corpus")
	}
	mod := t.TempDir()
	for _, path := range files {
		rel, _ := filepath.Rel("../testdata/py", path)
		goldenPath := filepath.Join("../testdata/golden", strings.TrimSuffix(rel, ".py")+".go")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Opt: opt.Config{OptLevel: 2, Verify: true}}
		res, err := Compile(path, src, cfg)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		got, err := res.GoSource(cfg)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		// Deterministic byte for byte: a second emission is identical.
		again, _ := res.GoSource(cfg)
		if string(again) != string(got) {
			t.Errorf("%s: two emissions differ", path)
		}
		golden.Check(t, goldenPath, got)
		want, err := os.ReadFile(goldenPath)
		if err != nil {
			continue // Check reported it
		}
		pkgDir := filepath.Join(mod, strings.TrimSuffix(rel, ".py"))
		os.MkdirAll(pkgDir, 0o755)
		if err := os.WriteFile(filepath.Join(pkgDir, "k.go"), want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module goldens\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => " + root + "\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	// The replaced module's requirements must resolve offline; copy go.sum.
	if sum, err := os.ReadFile("../go.sum"); err == nil {
		os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golden Go does not vet:\n%s", out)
	}
}

// kernelFiles returns the files matching pattern except CASES files
// (FILE_cases.py beside FILE.py: inputs for verify, not kernels).
func kernelFiles(pattern string) []string {
	files, _ := filepath.Glob(pattern)
	var out []string
	for _, p := range files {
		if !corpus.IsCasesFile(p) {
			out = append(out, p)
		}
	}
	return out
}
