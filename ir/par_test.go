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

// TestConcurrentLoop: the verifier holds a concurrent loop (the chunk
// pass's output) to the invariants For.Concurrent states, and Parse reads
// back what Print writes of it.
func TestConcurrentLoop(t *testing.T) {
	const valid = `module k.py

func k(x int64[:] readonly) int64 {
  var s int64
  var n int64
  var nc int64
  var parts int64[256]
  var f int64
  s = 0
  n = x.shape[0]
  nc = chunks(n, 1024)
  concurrent for c = range(0, nc, 1) local(i_c int64, s_c int64, hi int64) {
    s_c = 0
    hi = chunk_hi(n, nc, c)
    for i_c = range(chunk_lo(n, nc, c), hi, 1) {
      s_c = (s_c + x[i_c])
    }
    parts[c] = s_c
  }
  for f = range(0, nc, 1) {
    s = (s + parts[f])
  }
  return s
}
`
	m, err := Parse(valid)
	if err != nil {
		t.Fatal(err)
	}
	if got := Print(m); got != valid {
		t.Errorf("print(parse(text)) differs:\n%s", got)
	}
	if err := Verify(m); err != nil {
		t.Fatalf("valid concurrent loop: %v", err)
	}
	for _, tt := range []struct{ name, from, to, want string }{
		{"shared scalar", "s_c = 0\n", "s = 0\n", "body assigns s, which is not its own"},
		{"other slot", "parts[c] = s_c", "parts[0] = s_c", "want one at the index of the enclosing concurrent loop"},
		{"start", "range(0, nc, 1) local", "range(1, nc, 1) local", "want start 0"},
		{"return", "    parts[c] = s_c\n", "    parts[c] = s_c\n    return s_c\n", "body returns or breaks out of the loop"},
		{"buffer read whole", "s = (s + parts[f])", "s = parts", "a buffer is read only through a load"},
		{"store into readonly", "s_c = (s_c + x[i_c])", "x[i_c] = s_c", "store into x, a readonly parameter"},
	} {
		src := strings.Replace(valid, tt.from, tt.to, 1)
		if src == valid {
			t.Fatalf("%s: %q not in the valid text", tt.name, tt.from)
		}
		m, err := Parse(src)
		if err == nil {
			err = Verify(m)
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
