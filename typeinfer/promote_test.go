package typeinfer

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/ir"
)

var kindByName = map[string]ir.Scalar{}

func init() {
	for s := ir.Bool; s <= ir.Complex128; s++ {
		kindByName[s.String()] = s
	}
}

// TestNumpyPromotion re-runs the numpy probe with the reference
// interpreter and compares every line with what the checker's own
// binaryType/unaryType say, so the Go table cannot drift from numpy.
func TestNumpyPromotion(t *testing.T) {
	cmd := exec.Command("/usr/bin/python3", "numpy_probe.py")
	cmd.Dir = "testdata"
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "No module named 'numpy'") {
			t.Fatalf("/usr/bin/python3 lacks numpy: run `apt-get install -y python3-numpy`\n%s", stderr.String())
		}
		t.Fatalf("numpy probe failed: %v\n%s(needs /usr/bin/python3 with numpy: apt-get install -y python3-numpy)", err, stderr.String())
	}
	want := string(out)
	var got strings.Builder
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		lhs, _, ok := strings.Cut(line, " -> ")
		if !ok {
			t.Fatalf("bad probe line %q", line)
		}
		f := strings.Fields(lhs)
		var res ir.Scalar
		var msg string
		switch len(f) {
		case 2:
			res, msg = unaryType(f[0], kindByName[f[1]])
		case 3:
			res, msg = binaryType(f[1], kindByName[f[0]], kindByName[f[2]], false)
		default:
			t.Fatalf("bad probe line %q", line)
		}
		r := res.String()
		if msg != "" {
			r = "error"
		}
		fmt.Fprintf(&got, "%s -> %s\n", lhs, r)
		n++
	}
	if n < 1000 {
		t.Fatalf("probe printed only %d lines", n)
	}
	if diff := cmp.Diff(want, got.String()); diff != "" {
		t.Errorf("numpy promotion table drifted from numpy (-numpy +Go); regenerate with testdata/gen_numpy_table.py:\n%s", diff)
	}
}
