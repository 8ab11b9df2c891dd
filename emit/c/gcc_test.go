package emitc_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	emitc "github.com/pyc2go/pyc2go/emit/c"
	"github.com/pyc2go/pyc2go/internal/corpus"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// cflags are the warnings the generated C must be clean under (STYLE.md).
var cflags = []string{"-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"}

func needCC(t *testing.T) string {
	t.Helper()
	cc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("no C compiler (gcc) on PATH: the C half of the tests is skipped")
	}
	return cc
}

// TestCorpusCompiles translates every corpus kernel at -O0 and -O2 and
// compiles it, with the runtime, under -Wall -Wextra -Werror.
func TestCorpusCompiles(t *testing.T) {
	cc := needCC(t)
	dir := t.TempDir()
	for name, data := range cruntime.Files() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rt := exec.Command(cc, append(cflags, "-c", cruntime.Runtime, "-o", "rt.o")...)
	rt.Dir = dir
	if out, err := rt.CombinedOutput(); err != nil {
		t.Fatalf("runtime: %v\n%s", err, out)
	}
	files, err := corpus.Kernels("../../testdata/py")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		for _, opt := range []int{0, 2} {
			name := strings.TrimSuffix(filepath.Base(path), ".py")
			t.Run(name+"/O"+string(rune('0'+opt)), func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				res, err := driver.Compile(path, src, driver.Config{OptLevel: opt})
				if err != nil {
					t.Fatal(err)
				}
				out, err := emitc.File(res.Module, emitc.Config{LineDirectives: true})
				if err != nil {
					t.Fatal(err)
				}
				sub := filepath.Join(dir, name+string(rune('0'+opt)))
				os.MkdirAll(sub, 0o755)
				os.WriteFile(filepath.Join(sub, out.HeaderName), out.Header, 0o644)
				os.WriteFile(filepath.Join(sub, out.SourceName), out.Source, 0o644)
				cmd := exec.Command(cc, append(cflags, "-I", dir, "-c", out.SourceName, "-o", "k.o")...)
				cmd.Dir = sub
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%v\n%s", err, msg)
				}
			})
		}
	}
}
