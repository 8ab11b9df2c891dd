package ir

import (
	"strings"
	"testing"
)

// TestRestrict: the printer shows a loop's restrict list, and the verifier
// checks what it can of it (the no-alias promise itself is the pass's
// proof).
func TestRestrict(t *testing.T) {
	n := &Var{Name: "n", Type: Int64, Param: true}
	x := &Var{Name: "x", Type: &Array{Elem: Float64, Rank: 1}, Param: true}
	y := &Var{Name: "y", Type: &Array{Elem: Float64, Rank: 1}}
	i := &Var{Name: "i", Type: Int64}
	j := &Var{Name: "j", Type: Int64}
	build := func(list []*Var, cold bool, extra ...Stmt) *Func {
		body := []Stmt{&Store{Arr: y, Offset: Ref(i), Val: &Load{Arr: x, Offset: Ref(i)}}}
		body = append(body, extra...)
		loop := &For{Var: i, Start: Int(0), Stop: Ref(n), Step: Int(1), Body: &Block{Stmts: body}, Restrict: list}
		var top Stmt = loop
		if cold {
			top = &For{Var: j, Start: Int(0), Stop: Ref(n), Step: Int(1), Body: &Block{Stmts: []Stmt{loop}}, Cold: true}
		}
		return &Func{Name: "k", Params: []*Var{n, x}, Locals: []*Var{y, i, j}, Result: None,
			Body: &Block{Stmts: []Stmt{&Alloc{Dst: y, Shape: []Expr{Ref(n)}}, top}}}
	}
	fn := build([]*Var{x, y}, false)
	if err := VerifyFunc(fn); err != nil {
		t.Fatalf("valid restrict: %v", err)
	}
	if got := PrintFunc(fn); !strings.Contains(got, "for i = range(0, n, 1) restrict(x, y) {") {
		t.Errorf("print:\n%s", got)
	}
	for _, tt := range []struct {
		name  string
		list  []*Var
		cold  bool
		extra []Stmt
		want  string
	}{
		{"scalar", []*Var{n}, false, nil, "restrict n: want an array"},
		{"twice", []*Var{x, x}, false, nil, "restrict x listed twice"},
		{"assigned", []*Var{y}, false, []Stmt{&Alloc{Dst: y, Shape: []Expr{Ref(n)}}}, "restrict y: the loop body assigns it"},
		{"view", []*Var{y}, false, []Stmt{&View{Dst: y, Src: x, Offset: Int(0), Shape: []Expr{Ref(n)}, Strides: []Expr{Int(1)}}}, "restrict y: the loop body assigns it"},
		{"cold", []*Var{x, y}, true, nil, "restrict in a cold loop"},
	} {
		err := VerifyFunc(build(tt.list, tt.cold, tt.extra...))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
