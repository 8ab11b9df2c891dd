package driver

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/opt"
)

const apiKernel = `"""Kernels for the generated-API test."""


def safe_div(a: int, b: int) -> int:
    """Floor division that raises like Python."""
    return a // b


def hypot2(x: float, y: float) -> float:
    return x * x + y * y
`

// apiMain uses the generated package the way a Go user would: the error
// of a Python exception is a *runtime.Error (errors.As) and matches its
// class sentinel (errors.Is); a function that cannot raise has no error.
const apiMain = `package main

import (
	"errors"
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"x/kernels"
)

func main() {
	q, err := kernels.SafeDiv(7, 2)
	fmt.Println(q, err)
	_, err = kernels.SafeDiv(1, 0)
	var pe *runtime.Error
	if errors.As(err, &pe) {
		fmt.Printf("%s|%s|%s|%d|%s\n", pe.Type, pe.Msg, pe.File, pe.Line, pe.Func)
	}
	fmt.Println(errors.Is(err, runtime.ErrZeroDivision), errors.Is(err, runtime.ErrValue))
	fmt.Println(kernels.Hypot2(3, 4))
}
`

// TestGeneratedAPI builds generated code in a user's module and checks the
// promises of the generated API: errors carry the Python class, message,
// file and line; /*line*/ directives make the Go toolchain report Python
// positions (seen here through the compiler's -m remarks, which is what
// stack traces and profiles use too).
func TestGeneratedAPI(t *testing.T) {
	mod := t.TempDir()
	res, err := Compile("kernels.py", []byte(apiKernel), Config{Opt: opt.Config{OptLevel: 2, Verify: true}})
	if err != nil {
		t.Fatal(err)
	}
	src, err := res.GoSource(Config{})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("..")
	files := map[string]string{
		"go.mod":             "module x\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => " + root + "\n",
		"kernels/kernels.go": string(src),
		"main.go":            apiMain,
	}
	for name, data := range files {
		p := filepath.Join(mod, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if sum, err := os.ReadFile("../go.sum"); err == nil {
		os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	run := func(args ...string) string {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = mod, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	got := run("run", ".")
	want := "3 <nil>\nZeroDivisionError|integer division or modulo by zero|kernels.py|6|safe_div\ntrue false\n25\n"
	if got != want {
		t.Errorf("program output:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(string(src), "func Hypot2(x float64, y float64) (float64, error)") {
		t.Errorf("hypot2 cannot raise but has an error result:\n%s", src)
	}
	remarks := run("build", "-gcflags=-m", "./kernels")
	if !strings.Contains(remarks, "kernels.py:10:") {
		t.Errorf("compiler remarks do not point at Python lines (want kernels.py:10:...):\n%s", remarks)
	}
}

func TestPackageName(t *testing.T) {
	for path, want := range map[string]string{
		"kernels.py": "kernels", "float32_kernels.py": "float32kernels", "dir/My-Kernels.py": "mykernels",
		"3d.py": "d", "___.py": "kernels", "heat2d.py": "heat2d",
	} {
		if got := PackageName(path); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", path, got, want)
		}
	}
}
