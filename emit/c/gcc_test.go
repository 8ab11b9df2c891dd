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
	"github.com/pyc2go/pyc2go/opt"
	cruntime "github.com/pyc2go/pyc2go/runtime/c"
)

// cflags are the README's build line (-O3, where gcc's loop analyses
// warn most, and OpenMP) with the warnings the generated C must be clean
// under (STYLE.md).
var cflags = []string{"-std=c11", "-O3", "-fopenmp", "-Wall", "-Wextra", "-Werror"}

// compilers are the C compilers the generated C is tested with (README,
// The C backend); each one missing from PATH skips its half.
var compilers = []string{"gcc", "clang"}

// testCompilers are the compilers a test runs with: compilers, or under
// -short only the first one on PATH (the quick inner loop; the full suite
// tries each).
func testCompilers() []string {
	if !testing.Short() {
		return compilers
	}
	for _, name := range compilers {
		if _, err := exec.LookPath(name); err == nil {
			return []string{name}
		}
	}
	return compilers // none: each test skips, saying so
}

// writeFiles writes files (by name) into dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func needCC(t *testing.T, name string) string {
	t.Helper()
	cc, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("no C compiler (%s) on PATH: the %s half of the C tests is skipped", name, name)
	}
	return cc
}

// TestCorpusCompiles translates every corpus kernel at -O0, -O2 and -O2
// --fastmath (float reductions unrolled and run in parallel) and compiles
// it, with the runtime, under -Wall -Wextra -Werror, once with
// each of the compilers. The translation is shared: the subtests gcc and
// clang only compile, each file in a parallel subtest of its own (as many
// at a time as -parallel allows). With -short only -O2 is compiled, and
// only with the first compiler on PATH: the quick inner loop.
func TestCorpusCompiles(t *testing.T) {
	levels := []struct {
		opt  string
		conf driver.Config
	}{{"O0", driver.Config{Opt: opt.Config{OptLevel: 0}}}, {"O2", driver.Config{Opt: opt.Config{OptLevel: 2}}}, {"O2fastmath", driver.Config{Opt: opt.Config{OptLevel: 2, FastMath: true}}}}
	if testing.Short() {
		levels = levels[1:2]
	}
	dir := t.TempDir()
	writeFiles(t, dir, cruntime.Files())
	writeFiles(t, dir, cruntime.LinalgFiles()) // for kernels with BLAS-sized products
	writeFiles(t, dir, cruntime.RandomFiles()) // for kernels that draw (testdata/py/random)
	files, err := corpus.Kernels("../../testdata/py")
	if err != nil {
		t.Fatal(err)
	}
	type unit struct{ name, dir, source string }
	var units []unit
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, cfg := range levels {
			name := strings.TrimSuffix(filepath.Base(path), ".py") + "/" + cfg.opt
			res, err := driver.Compile(path, src, cfg.conf)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			out, err := emitc.File(res.Module, emitc.Config{LineDirectives: true})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			sub := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, sub, map[string][]byte{out.HeaderName: out.Header, out.SourceName: out.Source})
			units = append(units, unit{name, sub, out.SourceName})
		}
	}
	for _, name := range testCompilers() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cc := needCC(t, name)
			obj := name + ".o"
			for _, src := range []string{cruntime.Runtime, cruntime.LinalgRuntime, cruntime.Random} {
				rt := exec.Command(cc, append(cflags, "-c", src, "-o", obj)...)
				rt.Dir = dir
				if out, err := rt.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s", src, err, out)
				}
			}
			for _, u := range units {
				t.Run(u.name, func(t *testing.T) {
					t.Parallel()
					cmd := exec.Command(cc, append(cflags, "-I", dir, "-c", u.source, "-o", obj)...)
					cmd.Dir = u.dir
					if msg, err := cmd.CombinedOutput(); err != nil {
						t.Fatalf("%v\n%s", err, msg)
					}
				})
			}
		})
	}
}

// TestLinalgHeaderName keeps the include generated C writes for the
// linalg runtime and the file the C runtime ships under one name: the
// driver finds kernels that need LAPACKE by that include.
func TestLinalgHeaderName(t *testing.T) {
	if emitc.LinalgHeader != cruntime.LinalgHeader {
		t.Errorf("emitc.LinalgHeader %q, cruntime.LinalgHeader %q", emitc.LinalgHeader, cruntime.LinalgHeader)
	}
	if _, ok := cruntime.LinalgFiles()[emitc.LinalgHeader]; !ok {
		t.Errorf("the C runtime ships no %s", emitc.LinalgHeader)
	}
}

// TestRandomHeaderName keeps the include generated C writes for the
// random runtime and the file the C runtime ships under one name: the
// driver ships pyc2go_random.c with kernels that include it.
func TestRandomHeaderName(t *testing.T) {
	if emitc.RandomHeader != cruntime.RandomHeader {
		t.Errorf("emitc.RandomHeader %q, cruntime.RandomHeader %q", emitc.RandomHeader, cruntime.RandomHeader)
	}
}
