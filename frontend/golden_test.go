package frontend

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/golden"
)

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
			golden.Check(t, path+".golden", []byte(got))
		})
	}
	if n < 15 {
		t.Errorf("only %d frontend corpus files, want at least 15", n)
	}
}
