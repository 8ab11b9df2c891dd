// Command gendoc rewrites the numpy table of docs/language.md from the
// rows of package numpy. Run it from the repository root after changing a
// row:
//
//	go run ./numpy/gendoc
//
// TestDocTable (package numpy) fails while the committed table is stale.
package main

import (
	"fmt"
	"os"

	"github.com/pyc2go/pyc2go/numpy"
)

const path = "docs/language.md"

func main() {
	doc, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err, "(run it from the repository root)")
		os.Exit(1)
	}
	out, err := numpy.SpliceDocTable(string(doc))
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendoc: %s: %v\n", path, err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err)
		os.Exit(1)
	}
}
