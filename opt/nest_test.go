package opt

import (
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// TestLegality pins the two legality rules of nest.go on direction
// vectors: a permutation keeps the sign of every distance, tiling needs
// every forward distance non-negative.
func TestLegality(t *testing.T) {
	const X = dirAny
	tests := []struct {
		name     string
		dir      []int
		order    []int
		permOK   bool
		tileOK   bool
		loopsLen int
	}{
		{"reduction over k, ijk->ikj", []int{0, 0, X}, []int{0, 2, 1}, true, true, 3},
		{"colsum out[j], ji->ij", []int{0, X}, []int{1, 0}, true, true, 2},
		{"a[i,j] = a[i-1,j+1]", []int{1, -1}, []int{1, 0}, false, false, 2},
		{"a[i,j] = a[i-1,j-1]", []int{1, 1}, []int{1, 0}, true, true, 2},
		{"a[i,j] = a[i-1,j]: (<, =)", []int{1, 0}, []int{1, 0}, true, true, 2},
		{"unknown on both", []int{X, X}, []int{1, 0}, false, false, 2},
		{"unknown outer, = inner", []int{X, 0}, []int{1, 0}, true, true, 2},
		{"carried by k only, 3-D", []int{0, 1, -1}, []int{0, 1, 2}, true, false, 3},
	}
	for _, tt := range tests {
		n := &perfectNest{loops: make([]*ir.For, tt.loopsLen), deps: []depVec{{dir: tt.dir}}}
		if ok, _ := n.permutable(tt.order); ok != tt.permOK {
			t.Errorf("%s: permutable(%v) = %v, want %v", tt.name, tt.order, ok, tt.permOK)
		}
		band := make([]int, tt.loopsLen)
		for i := range band {
			band[i] = i
		}
		if ok, _ := n.tileable(band); ok != tt.tileOK {
			t.Errorf("%s: tileable = %v, want %v", tt.name, ok, tt.tileOK)
		}
	}
}

// TestDirection recovers direction vectors from subscripts.
func TestDirection(t *testing.T) {
	i, j := &ir.Var{Name: "i", Type: ir.Int64}, &ir.Var{Name: "j", Type: ir.Int64}
	n := &perfectNest{loops: []*ir.For{{Var: i}, {Var: j}}}
	aff := func(ci, cj, c int64) *affineForm {
		return affConst(c).add(affVar(i), ci).add(affVar(j), cj)
	}
	acc := func(subs ...*affineForm) *access { return &access{sub: subs} }
	tests := []struct {
		name string
		p, q *access
		want []int // nil: independent
	}{
		{"same element", acc(aff(1, 0, 0), aff(0, 1, 0)), acc(aff(1, 0, 0), aff(0, 1, 0)), []int{0, 0}},
		{"skewed", acc(aff(1, 0, 0), aff(0, 1, 0)), acc(aff(1, 0, -1), aff(0, 1, 1)), []int{1, -1}},
		{"row only", acc(aff(0, 1, 0)), acc(aff(0, 1, 0)), []int{dirAny, 0}},
		{"different constant rows", acc(aff(0, 0, 0), aff(0, 1, 0)), acc(aff(0, 0, 1), aff(0, 1, 0)), nil},
		{"stride 2 parity", acc(aff(2, 0, 0)), acc(aff(2, 0, 1)), nil},
		{"transposed", acc(aff(1, 0, 0), aff(0, 1, 0)), acc(aff(0, 1, 0), aff(1, 0, 0)), []int{dirAny, dirAny}},
	}
	for _, tt := range tests {
		got := n.direction(tt.p, tt.q)
		if (got == nil) != (tt.want == nil) || len(got) == len(tt.want) && !equalInts(got, tt.want) {
			t.Errorf("%s: direction = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestTileableBand: a dependence carried by a loop outside the band, with
// a negative component only on a loop outside it, does not stop tiling the
// band.
func TestTileableBand(t *testing.T) {
	n := &perfectNest{loops: make([]*ir.For, 3), deps: []depVec{{dir: []int{0, 1, -1}}}}
	if ok, _ := n.tileable([]int{0, 1}); !ok {
		t.Errorf("tileable(band 0, 1) = false, want true: the negative component is outside the band")
	}
	if ok, _ := n.tileable([]int{1, 2}); ok {
		t.Errorf("tileable(band 1, 2) = true, want false")
	}
}
