package ir

import (
	"math"
	"testing"
)

// TestReductionIdentity checks the neutral elements chunks start from:
// op(identity, x) == x for every x of the type.
func TestReductionIdentity(t *testing.T) {
	for _, c := range []struct {
		t    Scalar
		op   string
		want any
	}{
		{Int64, "+", int64(0)}, {Int64, "-", int64(0)}, {Int64, "*", int64(1)},
		{Int64, "&", int64(-1)}, {Int64, "|", int64(0)}, {Int64, "^", int64(0)},
		{Int64, "min", int64(math.MaxInt64)}, {Int64, "max", int64(math.MinInt64)},
		{Int8, "min", int64(127)}, {Int8, "max", int64(-128)},
		{Uint8, "&", int64(255)}, {Uint8, "min", int64(255)}, {Uint8, "max", int64(0)},
		{Uint64, "&", int64(-1)}, {Uint64, "min", int64(-1)}, // all ones, as ConstExpr holds uint64
		{Float64, "+", 0.0}, {Float64, "*", 1.0}, {Float32, "-", 0.0},
	} {
		got, err := Reduction{Var: &Var{Name: "s", Type: c.t}, Op: c.op}.Identity()
		if err != nil {
			t.Errorf("%s %s: %v", c.t, c.op, err)
			continue
		}
		if got.T != c.t || got.Value != c.want {
			t.Errorf("%s %s: identity %v (%s), want %v", c.t, c.op, got.Value, got.T, c.want)
		}
	}
	for _, bad := range []Reduction{{Var: &Var{Name: "f", Type: Float64}, Op: "min"}, {Var: &Var{Name: "z", Type: Complex128}, Op: "+"}} {
		if _, err := bad.Identity(); err == nil {
			t.Errorf("%s of %s: no error", bad.Op, bad.Var.Type)
		}
	}
}
