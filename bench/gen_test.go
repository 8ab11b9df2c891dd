package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
)

// TestGeneratedUpToDate is the "go generate && git diff --exit-code"
// discipline as a test: kernels/kernels.go is committed so the benchmarks
// build without the compiler, and must be what the compiler produces now
// (a stale file would benchmark yesterday's code generation).
func TestGeneratedUpToDate(t *testing.T) {
	src, err := os.ReadFile("kernels.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct {
		dir string // package directory and name
		opt int
	}{{"kernels", 2}, {"kernels0", 0}} {
		// The path as the go:generate lines spell it, so that the
		// generated comments and line directives agree.
		cfg := driver.Config{Opt: opt.Config{OptLevel: g.opt}, Package: g.dir}
		res, err := driver.Compile(filepath.Join("..", "kernels.py"), src, cfg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := res.GoSource(cfg)
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(g.dir, "kernels.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			gl, cl := strings.Split(string(got), "\n"), strings.Split(string(committed), "\n")
			i := 0
			for i < len(gl) && i < len(cl) && gl[i] == cl[i] {
				i++
			}
			line := func(ls []string) string {
				if i < len(ls) {
					return ls[i]
				}
				return "<end of file>"
			}
			t.Errorf("bench/%s/kernels.go is stale (first difference at line %d):\n committed: %s\n generated: %s\nrun: cd bench/%s && go generate", g.dir, i+1, line(cl), line(gl), g.dir)
		}
	}
}
