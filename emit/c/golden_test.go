package emitc_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	emitc "github.com/pyc2go/pyc2go/emit/c"
	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/opt"
)

// goldenKernels are printed in full under testdata/ (refresh with -update
// or PYC2GO_UPDATE=1); TestCorpusCompiles compiles them with the rest.
var goldenKernels = []string{
	"../../testdata/py/scalar/basics.py",
	"../../testdata/py/scalar/complex_kernels.py",
	"../../testdata/py/arrays/elementwise.py",
	"../../testdata/py/arrays/reductions.py",
	"../../testdata/py/arrays/parallel.py",
}

func TestGolden(t *testing.T) {
	for _, path := range goldenKernels {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := driver.Compile(path, src, driver.Config{Opt: opt.Config{OptLevel: 2}})
			if err != nil {
				t.Fatal(err)
			}
			out, err := emitc.File(res.Module, emitc.Config{LineDirectives: true})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", out.HeaderName), out.Header)
			golden.Check(t, filepath.Join("testdata", out.SourceName), out.Source)
			again, err := emitc.File(res.Module, emitc.Config{LineDirectives: true})
			if err != nil || string(again.Source) != string(out.Source) || string(again.Header) != string(out.Header) {
				t.Errorf("output is not deterministic")
			}
		})
	}
}
