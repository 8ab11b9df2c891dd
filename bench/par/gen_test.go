package par

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
)

// TestGeneratedUpToDate is "go generate && git diff --exit-code" as a
// test: the committed o2/kernels.go and o0/kernels.go must be what the
// compiler produces now, or the benchmarks measure yesterday's code.
func TestGeneratedUpToDate(t *testing.T) {
	src, err := os.ReadFile("kernels.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		pkg string
		opt int
	}{{"o2", 2}, {"o0", 0}} {
		// The path as the go:generate lines spell it, so that comments
		// and line directives agree.
		res, err := driver.Compile(filepath.Join("..", "kernels.py"), src, driver.Config{Opt: opt.Config{OptLevel: tt.opt}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := res.GoSource(driver.Config{Opt: opt.Config{OptLevel: tt.opt}, Package: tt.pkg})
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(tt.pkg, "kernels.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			gl, cl := strings.Split(string(got), "\n"), strings.Split(string(committed), "\n")
			i := 0
			for i < len(gl) && i < len(cl) && gl[i] == cl[i] {
				i++
			}
			t.Errorf("bench/par/%s/kernels.go is stale (first difference at line %d); run: cd bench/par/%s && go generate", tt.pkg, i+1, tt.pkg)
		}
	}
}
