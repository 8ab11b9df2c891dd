package typeinfer

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/ir"
)

// TestNumpyArrayPromotion re-runs the array probe with the reference
// interpreter: the embedded table must be its output verbatim, so array
// dtypes cannot drift from numpy 1.24.
func TestNumpyArrayPromotion(t *testing.T) {
	cmd := exec.Command("/usr/bin/python3", "numpy_array_probe.py")
	cmd.Dir = "testdata"
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("numpy array probe failed: %v\n%s(needs /usr/bin/python3 with numpy: apt-get install -y python3-numpy)", err, stderr.String())
	}
	if diff := cmp.Diff(strings.TrimSpace(string(out)), strings.TrimSpace(numpyArrayProbe)); diff != "" {
		t.Errorf("numpy_array_table.go drifted from numpy (-numpy +Go); regenerate with testdata/gen_array_table.py:\n%s", diff)
	}
}

// TestArrayScalarPromotion spot-checks value-based casting through the
// lookup code (the class of constants, the all-classes rule for scalars
// only known at run time).
func TestArrayScalarPromotion(t *testing.T) {
	tests := []struct {
		op   string
		arr  ir.Scalar
		sc   scalarVal
		left bool
		want string
	}{
		{"+", ir.Int8, scalarVal{ir.Int64, int64(1)}, false, "int8"},
		{"+", ir.Int8, scalarVal{ir.Int64, int64(127)}, false, "int8"},
		{"+", ir.Int8, scalarVal{ir.Int64, int64(128)}, false, "int16"},
		{"+", ir.Int8, scalarVal{ir.Int64, int64(1000)}, false, "int16"},
		{"+", ir.Uint8, scalarVal{ir.Int64, int64(-1)}, false, "int16"},
		{"*", ir.Float32, scalarVal{ir.Float64, 2.0}, false, "float32"},
		{"*", ir.Float32, scalarVal{ir.Float64, 1e300}, false, "float64"},
		{"/", ir.Int64, scalarVal{ir.Int64, int64(2)}, false, "float64"},
		{"+", ir.Bool, scalarVal{ir.Bool, true}, false, "bool"},
		{"+", ir.Int8, scalarVal{ir.Float64, 2.5}, false, "float64"},
		{"-", ir.Float32, scalarVal{ir.Float64, 2.5}, true, "float32"},
		{"+", ir.Float64, scalarVal{ir.Float64, nil}, false, "float64"},
		{"+", ir.Int64, scalarVal{ir.Int64, nil}, false, "int64"},
		{"+", ir.Int32, scalarVal{ir.Int32, nil}, false, "int32"},
		{"+", ir.Int32, scalarVal{ir.Int64, nil}, false, "error"},     // depends on the value
		{"*", ir.Float32, scalarVal{ir.Float64, nil}, false, "error"}, // 1e300 would make it float64
		{"**", ir.Int64, scalarVal{ir.Int64, int64(-1)}, false, "error"},
		{"**", ir.Int64, scalarVal{ir.Int64, nil}, false, "int64"},
		{"**", ir.Int64, scalarVal{ir.Int64, int64(-2)}, true, "int64"},
		{"power", ir.Int64, scalarVal{ir.Int64, int64(-2)}, true, "int64"},
		{"power", ir.Int64, scalarVal{ir.Int64, int64(-2)}, false, "error"},
	}
	for _, tt := range tests {
		k, msg := arrayScalarType(tt.op, tt.arr, tt.sc, tt.left)
		got := k.String()
		if msg != "" {
			got = "error"
		}
		if got != tt.want {
			t.Errorf("%s array %s %v (left %v) = %s (%s), want %s", tt.arr, tt.op, tt.sc, tt.left, got, msg, tt.want)
		}
	}
}
