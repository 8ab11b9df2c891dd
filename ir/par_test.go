package ir

import (
	"strings"
	"testing"
)

// TestParLoop: the printer shows the parallel pass's verdict, and the
// verifier holds it to the invariants emitters rely on.
func TestParLoop(t *testing.T) {
	n := &Var{Name: "n", Type: Int64, Param: true}
	a := &Var{Name: "a", Type: &Array{Elem: Float64, Rank: 1}, Param: true}
	i := &Var{Name: "i", Type: Int64}
	tmp := &Var{Name: "t", Type: Float64}
	s := &Var{Name: "s", Type: Int64}
	f := &Var{Name: "f", Type: Float64}
	build := func(par *ParLoop, extra ...Stmt) *Func {
		body := []Stmt{
			&Assign{Dst: tmp, Src: &Load{Arr: a, Offset: Ref(i)}},
			&Assign{Dst: s, Src: Bin(Add, Ref(s), Ref(i))},
		}
		body = append(body, extra...)
		return &Func{Name: "k", Params: []*Var{n, a}, Locals: []*Var{i, tmp, s, f}, Result: None,
			Body: &Block{Stmts: []Stmt{&For{Var: i, Start: Int(0), Stop: Ref(n), Step: Int(1),
				Body: &Block{Stmts: body}, Parallel: true, Par: par}}}}
	}
	ok := &ParLoop{Private: []*Var{tmp}, Reductions: []Reduction{{Var: s, Op: "+"}}, Grain: 1024}
	fn := build(ok)
	if err := VerifyFunc(fn); err != nil {
		t.Fatalf("valid parallel loop: %v", err)
	}
	if got := PrintFunc(fn); !strings.Contains(got, "parallel for i = range(0, n, 1) chunks(grain 1024; private t; reduce s:+) {") {
		t.Errorf("print:\n%s", got)
	}
	for _, tt := range []struct {
		name string
		par  *ParLoop
		more []Stmt
		want string
	}{
		{"shared scalar", &ParLoop{Reductions: []Reduction{{Var: s, Op: "+"}}, Grain: 1}, nil, "body assigns t, which is neither private nor a reduction"},
		{"both", &ParLoop{Private: []*Var{tmp, s}, Reductions: []Reduction{{Var: s, Op: "+"}}, Grain: 1}, nil, "s is both private and a reduction"},
		{"float min", &ParLoop{Private: []*Var{tmp}, Reductions: []Reduction{{Var: s, Op: "+"}, {Var: f, Op: "min"}}, Grain: 1}, nil, "reduction f:min of type float64"},
		{"unknown op", &ParLoop{Private: []*Var{tmp}, Reductions: []Reduction{{Var: s, Op: "%"}}, Grain: 1}, nil, `unknown reduction operator "%"`},
		{"grain", &ParLoop{Private: []*Var{tmp}, Reductions: []Reduction{{Var: s, Op: "+"}}}, nil, "grain 0 < 1"},
		{"break", ok, []Stmt{&Break{}}, "body returns or breaks out of the loop"},
		{"return", ok, []Stmt{&Return{}}, "body returns or breaks out of the loop"},
	} {
		err := VerifyFunc(build(tt.par, tt.more...))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
