package nprand

import (
	"bytes"
	"go/format"
	"os"
	"testing"

	"github.com/pyc2go/pyc2go/runtime/nprand/internal/tablegen"
)

// TestTablesUpToDate checks that the generated tables in the Go and C
// runtimes are what internal/tablegen derives (go generate rewrites both).
func TestTablesUpToDate(t *testing.T) {
	tb := tablegen.Build()
	goSrc, err := format.Source(tablegen.GoSource(tb, tablegen.BuildLog()))
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]byte{"tables.go": goSrc, "../c/src/pyc2go_ziggurat.h": tb.CSource()} {
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate in runtime/nprand", file)
		}
	}
}
