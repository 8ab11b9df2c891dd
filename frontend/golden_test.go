package frontend

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/errors/*.golden")

func updating() bool { return *update || os.Getenv("PYC2GO_UPDATE") == "1" }

// TestErrorCorpus checks the rendered diagnostics of the frontend's part of
// the shared error corpus; other stages own the other prefixes.
func TestErrorCorpus(t *testing.T) {
	paths, err := filepath.Glob("../testdata/errors/*.py")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range paths {
		base := filepath.Base(path)
		if !strings.HasPrefix(base, "syntax_") && !strings.HasPrefix(base, "unsupported_") {
			continue
		}
		n++
		t.Run(strings.TrimSuffix(base, ".py"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseFile(base, src)
			if err == nil {
				t.Fatalf("ParseFile(%s) succeeded, want a diagnostic", base)
			}
			el, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			got := el.Render(base, src)
			golden := path + ".golden"
			if updating() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update or PYC2GO_UPDATE=1)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if n < 15 {
		t.Errorf("only %d frontend corpus files, want at least 15", n)
	}
}
