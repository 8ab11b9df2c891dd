// Package golden compares test output with golden files under testdata,
// and rewrites them when asked: `go test -update` in one package, or
// PYC2GO_UPDATE=1 for `go test ./...` (where packages without the flag
// would reject -update).
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files (or set PYC2GO_UPDATE=1)")

// Updating reports whether golden files are being rewritten.
func Updating() bool { return *update || os.Getenv("PYC2GO_UPDATE") == "1" }

// Check compares got with the golden file at path, failing t with a
// cmp.Diff (-want +got); when updating, it writes got to path instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update or PYC2GO_UPDATE=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
