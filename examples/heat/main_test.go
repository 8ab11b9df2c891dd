package main

import (
	"strings"
	"testing"
)

// TestRun runs the program on a small grid: it must finish without an
// error and report the comparison with gonum and the rejected step.
func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out, 21, 2, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"heat_step vs gonum", "r = 0.6 is rejected: ValueError"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
