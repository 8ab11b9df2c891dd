package typeinfer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
)

// corpusFiles lists every kernel of the shared corpus, at any depth.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir("../testdata/py", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") && !isCasesFile(path) {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no corpus files under ../testdata/py")
	}
	return paths
}

// TestCorpus requires every corpus kernel to type-check: the corpus is the
// supported subset by definition.
func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := frontend.ParseFile(path, src)
			if err != nil {
				t.Fatalf("frontend rejects %s:\n%s", path, err.(frontend.ErrorList).Render(path, src))
			}
			info, err := Check(f)
			if err != nil {
				t.Fatalf("Check(%s):\n%s", path, err.(frontend.ErrorList).Render(path, src))
			}
			checkComplete(t, info)
			if testing.Verbose() {
				t.Log("\n" + Summary(info))
			}
		})
	}
}

// isCasesFile is verify.IsCasesFile (typeinfer's tests cannot import
// verify, which imports typeinfer): FILE_cases.py beside FILE.py holds
// verify's inputs, not a kernel.
func isCasesFile(path string) bool {
	base, ok := strings.CutSuffix(path, "_cases.py")
	if !ok {
		return false
	}
	st, err := os.Stat(base + ".py")
	return err == nil && !st.IsDir()
}
