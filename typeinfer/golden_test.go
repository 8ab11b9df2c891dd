package typeinfer

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/frontend"
)

var update = flag.Bool("update", false, "rewrite ../testdata/errors/type_*.golden")

func updating() bool { return *update || os.Getenv("PYC2GO_UPDATE") == "1" }

// TestErrorCorpus checks the rendered diagnostics of typeinfer's part of
// the shared error corpus (the type_ prefix): each file must pass the
// frontend and fail Check with exactly the golden output.
func TestErrorCorpus(t *testing.T) {
	paths, err := filepath.Glob("../testdata/errors/type_*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 12 {
		t.Errorf("only %d type_ corpus files, want at least 12", len(paths))
	}
	for _, path := range paths {
		base := filepath.Base(path)
		t.Run(strings.TrimSuffix(base, ".py"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := frontend.ParseFile(base, src)
			if err != nil {
				t.Fatalf("frontend rejects %s (type_ files must reach the checker):\n%v", base, err)
			}
			_, err = Check(f)
			if err == nil {
				t.Fatalf("Check(%s) succeeded, want a diagnostic", base)
			}
			el, ok := err.(frontend.ErrorList)
			if !ok {
				t.Fatalf("error is %T, want frontend.ErrorList", err)
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
}
