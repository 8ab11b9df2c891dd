package bench

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/runtime"
)

// TestInnerLoopsBCE builds the -O2 code of kernels.py with
// -gcflags=-d=ssa/check_bce, which reports every bounds check the Go
// compiler keeps, and requires that the unit-stride fast paths of the
// chosen kernels keep none in their inner loops: the windows the window
// pass marks (one slice per operand, indexed by the induction variable)
// must stay in the shape gc's prove pass understands. A fast path is an
// inner loop preceded by the window slices (xW := xData[b : b+n]) in its
// block. The test fails if a kernel loses its fast path or if a bounds
// check comes back in one.
func TestInnerLoopsBCE(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code with the Go toolchain")
	}
	kernels := []struct {
		fn    string // Go name of the kernel
		needs string // a pass the fast path needs that may not exist yet
	}{
		{fn: "Axpy"},
		{fn: "Triad"},
		{fn: "MatExpr"}, // 2-D elementwise
		{fn: "Sqdist"},
		// dot_loop indexes y[i] under an IndexError check: its fast path
		// needs the check hoisted out of the loop first.
		{fn: "DotLoop", needs: "bchoist"},
	}
	src, err := os.ReadFile("kernels.py")
	if err != nil {
		t.Fatal(err)
	}
	cfg := driver.Config{Opt: opt.Config{OptLevel: 2}, Package: "kernels", NoLines: true}
	res, err := driver.Compile("kernels.py", src, cfg)
	if err != nil {
		t.Fatal(err)
	}
	code, err := res.GoSource(cfg)
	if err != nil {
		t.Fatal(err)
	}
	reports := checkBCE(t, code)

	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "kernels.go", code, 0)
	if err != nil {
		t.Fatal(err)
	}
	passes := opt.PassNames()
	for _, k := range kernels {
		fd := findFunc(file, k.fn)
		if fd == nil {
			t.Errorf("no func %s in the generated code", k.fn)
			continue
		}
		loops := windowedLoops(fd)
		if len(loops) == 0 {
			if k.needs != "" && !slices.Contains(passes, k.needs) {
				t.Logf("%s: no unit-stride fast path yet; it needs the %s pass", k.fn, k.needs)
				continue
			}
			t.Errorf("%s: no unit-stride fast path (an inner loop over windows xW := xData[b : b+n]) in the generated code:\n%s", k.fn, funcSource(fset, code, fd))
			continue
		}
		for _, l := range loops {
			from, to := fset.Position(l.Body.Lbrace).Line, fset.Position(l.Body.Rbrace).Line
			for _, r := range reports {
				if r.line >= from && r.line <= to {
					t.Errorf("%s: bounds check kept in a fast inner loop at kernels.go:%d: %s\n%s", k.fn, r.line, r.what, funcSource(fset, code, fd))
				}
			}
		}
	}
}

type bceReport struct {
	line int
	what string
}

var bceLine = regexp.MustCompile(`(?m)^(?:\./)?k/kernels\.go:(\d+):\d+: Found (\w+)$`)

// checkBCE builds the generated package with -d=ssa/check_bce and returns
// the bounds checks the compiler reports in it.
func checkBCE(t *testing.T, code []byte) []bceReport {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"go.mod":        []byte("module bcecheck\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => ./pyc2go\n"),
		"pyc2go/go.mod": []byte("module github.com/pyc2go/pyc2go\n\ngo 1.22\n"),
		"k/kernels.go":  code,
	}
	err := fs.WalkDir(runtime.Source, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(runtime.Source, p)
		files["pyc2go/runtime/"+p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "build", "-gcflags=-d=ssa/check_bce", "./k")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=0")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build -gcflags=-d=ssa/check_bce: %v\n%s", err, out.String())
	}
	var reports []bceReport
	for _, m := range bceLine.FindAllStringSubmatch(out.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		reports = append(reports, bceReport{line: n, what: m[2]})
	}
	if len(reports) == 0 {
		// The generated code has bounds checks outside the fast paths,
		// so silence means the flag did not work.
		t.Fatalf("check_bce reported nothing; output:\n%s", out.String())
	}
	return reports
}

func findFunc(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			return fd
		}
	}
	return nil
}

// windowedLoops returns the for loops of fd whose block defines, before
// them, slices of the form v := data[lo : hi].
func windowedLoops(fd *ast.FuncDecl) []*ast.ForStmt {
	var loops []*ast.ForStmt
	ast.Inspect(fd, func(n ast.Node) bool {
		b, ok := n.(*ast.BlockStmt)
		if !ok {
			return true
		}
		windows := 0
		for _, s := range b.List {
			if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Rhs) == 1 {
				if se, ok := as.Rhs[0].(*ast.SliceExpr); ok && se.Low != nil && se.High != nil {
					windows++
				}
			}
			if fs, ok := s.(*ast.ForStmt); ok && windows > 0 {
				loops = append(loops, fs)
			}
		}
		return true
	})
	return loops
}

func funcSource(fset *token.FileSet, code []byte, fd *ast.FuncDecl) string {
	return string(code[fset.Position(fd.Pos()).Offset:fset.Position(fd.End()).Offset])
}
