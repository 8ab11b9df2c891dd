package emitgo

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/ir"
)

type goldenCase struct {
	name  string
	build func() *ir.Module
	cfg   Config
}

var goldenCases = []goldenCase{
	{"basics", basicsModule, Config{Package: "basics", Source: "basics.py", LineDirectives: true}},
	{"basics_nolines", basicsModule, Config{Package: "basics", Source: "basics.py"}},
	{"arith", arithModule, Config{Package: "arith", Source: "arith.py", LineDirectives: true}},
	{"intrinsics", intrinsicsModule, Config{Package: "intrinsics", Source: "intrinsics.py"}},
	{"arrays", arraysModule, Config{Package: "arrays", Source: "arrays.py", LineDirectives: true}},
}

func emitCase(t *testing.T, c goldenCase) (kernel, main []byte) {
	t.Helper()
	m := c.build()
	if err := ir.Verify(m); err != nil {
		t.Fatalf("test module %s is not valid IR: %v", c.name, err)
	}
	kernel, err := File(m, c.cfg)
	if err != nil {
		t.Fatalf("File(%s): %v", c.name, err)
	}
	main, err = Main(m, "x/"+c.name, c.cfg)
	if err != nil {
		t.Fatalf("Main(%s): %v", c.name, err)
	}
	return kernel, main
}

var headerRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			kernel, main := emitCase(t, c)
			for _, src := range [][]byte{kernel, main} {
				first, _, _ := bytes.Cut(src, []byte("\n"))
				if !headerRE.Match(first) {
					t.Errorf("first line %q does not match %s", first, headerRE)
				}
				if bytes.Contains(src, []byte("/work/")) {
					t.Errorf("output contains an absolute path")
				}
			}
			golden.Check(t, filepath.Join("testdata", c.name+".golden"), kernel)
			golden.Check(t, filepath.Join("testdata", c.name+"_main.golden"), main)
		})
	}
}

// TestDeterministic: two emissions, from two separately built modules, are
// byte-for-byte identical.
func TestDeterministic(t *testing.T) {
	for _, c := range goldenCases {
		k1, m1 := emitCase(t, c)
		k2, m2 := emitCase(t, c)
		if !bytes.Equal(k1, k2) || !bytes.Equal(m1, m2) {
			t.Errorf("%s: output differs between two runs", c.name)
		}
	}
}

// TestIntrinsicTable: every IR intrinsic has exactly one Go mapping, and
// a golden module uses each one.
func TestIntrinsicTable(t *testing.T) {
	used := map[string]bool{}
	for _, m := range []*ir.Module{intrinsicsModule(), arraysModule()} {
		for _, f := range m.Funcs {
			ir.WalkExprs(f.Body, func(x ir.Expr) {
				if in, ok := x.(*ir.Intrinsic); ok {
					used[in.Name] = true
				}
			})
		}
	}
	for _, name := range ir.IntrinsicNames() {
		if intrinsicFuncs[name] == nil && arrayIntrinsicFuncs[name] == nil {
			t.Errorf("intrinsic %q has no Go mapping", name)
		}
		if intrinsicFuncs[name] != nil && arrayIntrinsicFuncs[name] != nil {
			t.Errorf("intrinsic %q has two Go mappings", name)
		}
		if !used[name] {
			t.Errorf("intrinsic %q is not exercised by intrinsicsModule or arraysModule", name)
		}
	}
	for _, table := range []map[string]bool{keys(intrinsicFuncs), keys(arrayIntrinsicFuncs)} {
		for name := range table {
			if ir.LookupIntrinsic(name) == nil {
				t.Errorf("mapping for %q, which is not an IR intrinsic", name)
			}
		}
	}
}

func keys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// repoRoot finds the pyc2go module root above the test's directory.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module github.com/pyc2go/pyc2go\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("pyc2go module root not found")
		}
		dir = parent
	}
}

// TestGeneratedBuilds writes every golden case (kernel package and harness
// main) into a temporary module that uses this checkout of pyc2go, and
// runs go build and go vet on it, offline; then it runs arraysRunner, which
// calls the array kernels, and checks the values they compute.
func TestGeneratedBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root := repoRoot(t)
	dir := t.TempDir()
	gomod := "module x\n\ngo 1.26\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => " + filepath.ToSlash(root) + "\n"
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte(gomod))
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write("go.sum", sum)
	}
	for _, c := range goldenCases {
		kernel, main := emitCase(t, c)
		write(filepath.Join(c.name, c.cfg.Package+".go"), kernel)
		write(filepath.Join("cmd", c.name, "main.go"), main)
	}
	write(filepath.Join("cmd", "arrays_run", "main.go"), []byte(arraysRunner))
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"run", "./cmd/arrays_run"}} {
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
			continue
		}
		if args[0] == "run" && string(out) != arraysRunnerWant {
			t.Errorf("arrays kernels run on runtime arrays: got\n%s\nwant\n%s", out, arraysRunnerWant)
		}
	}
}
