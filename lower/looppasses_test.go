package lower_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/lower"
)

// TestLoopPassGoldens pins what each loop pass does, as IR text in and
// out: for every kernel testdata/PASS/NAME.py, testdata/PASS/NAME.golden
// holds the pass's remarks, the IR after the pass before it in the table
// (its input) and the IR after it (its output). Kernels include the cases
// where the pass must refuse, whose remarks say why. Update with
// PYC2GO_UPDATE=1 go test ./lower -run TestLoopPassGoldens.
func TestLoopPassGoldens(t *testing.T) {
	names := lower.PassNames()
	for _, pass := range []string{"licm", "contig", "stride", "window"} {
		prev := ""
		for i, n := range names {
			if n == pass {
				prev = names[i-1]
			}
		}
		files, err := filepath.Glob(filepath.Join("testdata", pass, "*.py"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("no kernels under testdata/%s", pass)
		}
		for _, path := range files {
			name := strings.TrimSuffix(filepath.Base(path), ".py")
			t.Run(pass+"/"+name, func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				dump := func(after string) (string, string) {
					var ir, rem bytes.Buffer
					lowerSrc(t, path, src, lower.Config{OptLevel: 2, DumpAfter: after, Dump: &ir, Remarks: func(r lower.Remark) {
						if r.Pass == pass {
							rem.WriteString(r.String() + "\n")
						}
					}})
					return ir.String(), rem.String()
				}
				before, _ := dump(prev)
				after, remarks := dump(pass)
				if before == after {
					t.Errorf("%s changes nothing in %s", pass, path)
				}
				checkGolden(t, filepath.Join(pass, name), "# remarks of "+pass+"\n"+remarks+"\n# after "+prev+"\n"+before+"\n# after "+pass+"\n"+after)
			})
		}
	}
}
