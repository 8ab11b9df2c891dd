package runtime

import (
	"strings"
	"testing"
)

// TestShapeString compares with str(a.shape) of numpy arrays of the same
// shapes, the spelling numpy puts into its error messages.
func TestShapeString(t *testing.T) {
	shapes := [][]int{{}, {0}, {1}, {3}, {3, 4}, {0, 5}, {2, 1, 7}, {1, 2, 3, 4}, {10, 100, 1000}}
	var script strings.Builder
	script.WriteString("for s in [")
	for _, s := range shapes {
		script.WriteString(ShapeString(s) + ", ")
	}
	script.WriteString("]:\n    print(str(np.zeros(s).shape))\n")
	want := runPython(t, script.String(), "")
	if len(want) != len(shapes) {
		t.Fatalf("python printed %d lines, want %d", len(want), len(shapes))
	}
	for i, s := range shapes {
		if got := ShapeString(s); got != want[i] {
			t.Errorf("ShapeString(%v) = %q, numpy says %q", s, got, want[i])
		}
	}
}
