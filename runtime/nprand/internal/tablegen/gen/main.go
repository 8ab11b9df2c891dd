// Command gen writes the tables of package tablegen into the Go
// runtime (runtime/nprand/tables.go) and the C runtime
// (runtime/c/src/pyc2go_ziggurat.h). Run it through go generate in
// runtime/nprand.
package main

import (
	"go/format"
	"log"
	"os"

	"github.com/pyc2go/pyc2go/runtime/nprand/internal/tablegen"
)

func main() {
	t := tablegen.Build()
	src, err := format.Source(tablegen.GoSource(t, tablegen.BuildLog()))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("tables.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("../c/src/pyc2go_ziggurat.h", t.CSource(), 0o644); err != nil {
		log.Fatal(err)
	}
}
