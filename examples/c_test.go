package examples

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
	"github.com/pyc2go/pyc2go/verify"
)

// TestCProgram builds the C example (examples/c: a C program wrapping its
// own buffers with pyc2go_view_float64) with gcc and clang under -Werror,
// runs it, and compares its output line for line with what
// `python3 kernels.py` prints from CPython + numpy.
func TestCProgram(t *testing.T) {
	py, err := verify.FindPython("")
	if err != nil {
		t.Fatalf("%v (apt-get install -y python3-numpy)", err)
	}
	kernel := filepath.Join("c", "kernels.py")
	want, err := exec.Command(py, kernel).Output()
	if err != nil {
		t.Fatalf("python3 %s: %v", kernel, err)
	}
	src, err := os.ReadFile(kernel)
	if err != nil {
		t.Fatal(err)
	}
	res, err := driver.Compile(kernel, src, driver.Config{Opt: opt.Config{OptLevel: 2}})
	if err != nil {
		t.Fatal(err)
	}
	files, out, err := res.CFiles(driver.Config{})
	if err != nil {
		t.Fatal(err)
	}
	gen := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(gen, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mainC, err := filepath.Abs(filepath.Join("c", "main.c"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range []string{"gcc", "clang"} {
		t.Run(cc, func(t *testing.T) {
			if _, err := exec.LookPath(cc); err != nil {
				t.Skipf("%s not installed", cc)
			}
			bin := filepath.Join(t.TempDir(), "demo")
			args := []string{"-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-I" + gen, mainC,
				filepath.Join(gen, out.SourceName), filepath.Join(gen, "pyc2go_runtime.c"), "-lm", "-o", bin}
			if b, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
				t.Fatalf("%s %v: %v\n%s", cc, args, err, b)
			}
			got, err := exec.Command(bin).Output()
			if err != nil {
				t.Fatalf("demo: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the C program printed\n%s\nCPython printed\n%s", got, want)
			}
		})
	}
}
