package numpy

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocTable fails when docs/language.md's numpy table is not the one
// the rows generate.
func TestDocTable(t *testing.T) {
	doc, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := SpliceDocTable(string(doc))
	if err != nil {
		t.Fatalf("docs/language.md: %v", err)
	}
	if diff := cmp.Diff(string(doc), want); diff != "" {
		t.Errorf("docs/language.md's numpy table is stale; regenerate it with `%s` (-committed +generated):\n%s", DocRegenerate, diff)
	}
}
