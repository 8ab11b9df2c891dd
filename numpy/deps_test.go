package numpy

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHarnessDeps checks that the programs pyc2go builds around compiled
// kernels (runtime/harness, linked into run's and verify's binaries) and
// the runtime itself link neither this package nor the type checker, so
// they never pay for the compiler's tables.
func TestHarnessDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../runtime/harness", "../runtime").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "github.com/pyc2go/pyc2go/numpy", "github.com/pyc2go/pyc2go/typeinfer", "github.com/pyc2go/pyc2go/lower":
			t.Errorf("runtime/harness links %s", dep)
		}
	}
}
