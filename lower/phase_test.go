package lower_test

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/ir"
)

// TestPhaseUnderflowRaises: CPython's cmath.phase raises
// OverflowError("math range error") when glibc's atan2 underflows to 0
// (cmath.phase(complex(1e300, 5e-324))), so the lowered phase checks for it.
func TestPhaseUnderflowRaises(t *testing.T) {
	src := []byte(`import cmath


def ph(z: complex) -> float:
    """phase."""
    return cmath.phase(z)
`)
	for _, lvl := range []int{0, 2} {
		out := ir.Print(lowerSrc(t, "p.py", src, irtest.At(lvl)))
		if !strings.Contains(out, `OverflowError("math range error")`) {
			t.Errorf("-O%d: no underflow check in\n%s", lvl, out)
		}
	}
}
