package typeinfer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pyc2go/pyc2go/frontend"
	"github.com/pyc2go/pyc2go/internal/corpus"
)

// corpusFiles lists every kernel of the shared corpus, at any depth.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	paths, err := corpus.Kernels("../testdata/py")
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
