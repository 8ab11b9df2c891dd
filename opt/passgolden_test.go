package opt_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"
	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/opt"
)

// TestPassGolden runs the optional passes on the kernels under
// testdata/passes/PASS/*.py and compares, in CASE.golden, the IR before
// the pass (after the one before it), the IR after it and the pass's
// remarks: one file shows what fired, what did not, and why. A first
// line `# config: fastmath` compiles the case with FastMath.
func TestPassGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "passes", "*", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no pass golden cases")
	}
	names := opt.PassNames()
	for _, file := range files {
		pass := filepath.Base(filepath.Dir(file))
		idx := -1
		for i, n := range names {
			if n == pass {
				idx = i
			}
		}
		if idx < 1 {
			t.Errorf("%s: no pass %s in the table", file, pass)
			continue
		}
		t.Run(pass+"/"+filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfg := irtest.At(2)
			if first, _, _ := strings.Cut(string(src), "\n"); strings.Contains(first, "config: fastmath") {
				cfg.Opt.FastMath = true
			}
			dump := func(after string) (string, []string) {
				var buf bytes.Buffer
				var remarks []string
				c := cfg
				c.Opt.DumpAfter, c.Opt.Dump = after, &buf
				c.Opt.Remarks = func(r opt.Remark) {
					if r.Pass == pass {
						remarks = append(remarks, r.String())
					}
				}
				irtest.Compile(t, filepath.Base(file), src, c)
				return buf.String(), remarks
			}
			before, _ := dump(names[idx-1])
			after, remarks := dump(pass)
			got := fmt.Sprintf("-- before --\n%s\n-- after --\n%s\n-- remarks --\n%s\n", before, after, strings.Join(remarks, "\n"))
			golden.Check(t, strings.TrimSuffix(file, ".py")+".golden", []byte(got))
		})
	}
}
