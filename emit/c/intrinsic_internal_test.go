package emitc

import (
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// TestEveryIntrinsic: an intrinsic added to the IR needs a C form here
// before the corpus can use it.
func TestEveryIntrinsic(t *testing.T) {
	known := map[string]bool{}
	for n := range libm {
		known[n] = true
	}
	for n := range arrayIntrinsics {
		known[n] = true
	}
	for _, n := range switchIntrinsics {
		known[n] = true
	}
	for _, n := range ir.IntrinsicNames() {
		if !known[n] {
			t.Errorf("intrinsic %s has no C form in emit/c", n)
		}
	}
	for n := range known {
		if ir.LookupIntrinsic(n) == nil {
			t.Errorf("emit/c maps %s, which the IR does not define", n)
		}
	}
}
