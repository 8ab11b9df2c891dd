package typeinfer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"

	"github.com/pyc2go/pyc2go/frontend"
)

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
			golden.Check(t, path+".golden", []byte(got))
		})
	}
}
