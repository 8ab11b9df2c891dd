package lower

import (
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

func TestShapeFmt(t *testing.T) {
	a := &ir.Var{Name: "a", Type: &ir.Array{Elem: ir.Float64, Rank: 3}}
	d := func(k int) ir.Expr { return &ir.Dim{Arr: a, Kind: ir.Shape, Axis: k} }
	for _, tc := range []struct {
		shape []ir.Expr
		msg   string
	}{
		{nil, "()"},
		{[]ir.Expr{d(0)}, "(%d,)"},
		{[]ir.Expr{d(0), d(1)}, "(%d,%d)"},
		{[]ir.Expr{d(0), d(1), d(2)}, "(%d,%d,%d)"},
	} {
		msg, args := shapeFmt(tc.shape)
		if msg != tc.msg || len(args) != len(tc.shape) {
			t.Errorf("shapeFmt(%d extents) = %q, %d args; want %q", len(tc.shape), msg, len(args), tc.msg)
		}
	}
}

// TestFlatOff checks the offset arithmetic of broadcast reads: a rank-1
// view read in a rank-2 loop aligns to the trailing loop axis, and unit
// strides and zero offsets fold away.
func TestFlatOff(t *testing.T) {
	v := &ir.Var{Name: "v", Type: &ir.Array{Elem: ir.Float64, Rank: 1}}
	i, j := &ir.Var{Name: "i", Type: ir.Int64}, &ir.Var{Name: "j", Type: ir.Int64}
	av := aview{src: v, off: ir.Int(0), shape: []ir.Expr{ir.Int(4)}, strides: []ir.Expr{ir.Int(1)}}
	got := flatOff(av, []ir.Expr{ir.Ref(i), ir.Ref(j)}, nil)
	if r, ok := got.(*ir.VarRef); !ok || r.V != j {
		t.Errorf("flatOff = %#v, want j", got)
	}
	wv := wholeView(v)
	if !wv.isWhole() {
		t.Error("wholeView(v).isWhole() = false")
	}
	sl := aview{src: v, off: ir.Int(1), shape: wv.shape, strides: wv.strides}
	if sl.isWhole() {
		t.Error("a shifted view is not the whole array")
	}
	if !sl.reads(v) || (aview{src: v, off: ir.Int(0)}).reads(i) {
		t.Error("aview.reads")
	}
}

func TestUniqueExprs(t *testing.T) {
	a := &ir.Var{Name: "a", Type: &ir.Array{Elem: ir.Float64, Rank: 2}}
	d0 := &ir.Dim{Arr: a, Kind: ir.Shape, Axis: 0}
	d0b := &ir.Dim{Arr: a, Kind: ir.Shape, Axis: 0}
	d1 := &ir.Dim{Arr: a, Kind: ir.Shape, Axis: 1}
	if got := uniqueExprs([]ir.Expr{d0, d1, d0b}); len(got) != 2 {
		t.Errorf("uniqueExprs: %d expressions, want 2", len(got))
	}
}
