package lower_test

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/internal/irtest"
	"github.com/pyc2go/pyc2go/ir"
)

// TestRoundFloat32NoCheck: numpy's round(np.float32, n) gives inf where
// Python's round(float, n) raises OverflowError, so only the Python float
// gets the check.
func TestRoundFloat32NoCheck(t *testing.T) {
	src := []byte(`import numpy as np


def r32(a: np.float32, n: int) -> np.float32:
    """numpy round."""
    return round(a, n)


def r64(a: float, n: int) -> float:
    """Python round."""
    return round(a, n)
`)
	m := lowerSrc(t, "r.py", src, irtest.At(0))
	for _, f := range m.Funcs {
		got := strings.Contains(ir.Print(&ir.Module{File: m.File, Funcs: []*ir.Func{f}}), "OverflowError")
		if want := f.Name == "r64"; got != want {
			t.Errorf("%s: OverflowError check present = %v, want %v", f.Name, got, want)
		}
	}
}
