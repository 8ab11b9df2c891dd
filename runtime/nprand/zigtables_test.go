package nprand

import (
	"bytes"
	"go/format"
	"os"
	"testing"

	"github.com/pyc2go/pyc2go/runtime/nprand/internal/zigmake"
)

// TestZigTablesUpToDate checks that the generated tables in the Go and C
// runtimes are what internal/zigmake derives (go generate rewrites both).
func TestZigTablesUpToDate(t *testing.T) {
	tb := zigmake.Build()
	goSrc, err := format.Source(tb.GoSource())
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]byte{"zigtables.go": goSrc, "../c/src/pyc2go_ziggurat.h": tb.CSource()} {
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate in runtime/nprand", file)
		}
	}
}
