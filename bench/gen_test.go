package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
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
	// The path as kernels/gen.go's go:generate line spells it, so that the
	// generated comments and line directives agree.
	res, err := driver.Compile(filepath.Join("..", "kernels.py"), src, driver.Config{OptLevel: 2})
	if err != nil {
		t.Fatal(err)
	}
	got, err := res.GoSource(driver.Config{OptLevel: 2, Package: "kernels"})
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("kernels", "kernels.go"))
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
		t.Fatalf("bench/kernels/kernels.go is stale (first difference at line %d):\n committed: %s\n generated: %s\nrun: cd bench/kernels && go generate", i+1, line(cl), line(gl))
	}
}
