// Command gen writes the ziggurat tables of package zigmake into the Go
// runtime (runtime/nprand/zigtables.go) and the C runtime
// (runtime/c/src/pyc2go_ziggurat.h). Run it through go generate in
// runtime/nprand.
package main

import (
	"go/format"
	"log"
	"os"

	"github.com/pyc2go/pyc2go/runtime/nprand/internal/zigmake"
)

func main() {
	t := zigmake.Build()
	src, err := format.Source(t.GoSource())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("zigtables.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("../c/src/pyc2go_ziggurat.h", t.CSource(), 0o644); err != nil {
		log.Fatal(err)
	}
}
