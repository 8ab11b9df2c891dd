package lower_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/ir"
)

// TestDump prints the IR of the file named by PYC2GO_DUMP (at the level in
// PYC2GO_DUMP_O, default 0): a debugging aid, skipped otherwise.
func TestDump(t *testing.T) {
	path := os.Getenv("PYC2GO_DUMP")
	if path == "" {
		t.Skip("set PYC2GO_DUMP=file.py")
	}
	lvl, _ := strconv.Atoi(os.Getenv("PYC2GO_DUMP_O"))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + ir.Print(lowerSrc(t, path, src, irtest.At(lvl))))
}
