package lower

import (
	"testing"

	"github.com/pyc2go/pyc2go/numpy"
)

// TestLowerings checks the bindings of npLowerings against the rows: every
// binding names a row, and every row that lowers by name has one (TestRows
// compiles them all).
func TestLowerings(t *testing.T) {
	for name, lw := range npLowerings {
		r := numpy.Lookup(name)
		if r == nil {
			r = numpy.LookupMethod(name)
		}
		if r == nil || r.Name != name {
			t.Errorf("npLowerings binds %s, which is no row's name", name)
			continue
		}
		if lw.elem != nil && (r.Intrinsic != "" || r.Kind == numpy.Type) {
			t.Errorf("npLowerings binds an element lowering for %s, which its row computes otherwise", name)
		}
	}
	for _, r := range numpy.Rows() {
		lw := npLowerings[r.Name]
		var need bool
		switch r.Kind {
		case numpy.Elementwise:
			need = r.Intrinsic == "" && lw.elem == nil
		case numpy.Creation, numpy.Method:
			need = lw.array == nil && lw.stmt == nil
		}
		if need {
			t.Errorf("row %s has no lowering in npLowerings", r.Name)
		}
	}
}
