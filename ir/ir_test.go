package ir

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gcdFunc builds Python's
//
//	def gcd(a: int, b: int) -> int:
//	    while b:
//	        a, b = b, a % b
//	    return a
func gcdFunc() *Func {
	a := &Var{Name: "a", Type: Int64, Param: true}
	b := &Var{Name: "b", Type: Int64, Param: true}
	t1 := &Var{Name: "t1", Type: Int64}
	t2 := &Var{Name: "t2", Type: Int64}
	return &Func{
		Name: "gcd", Pos: Pos{1, 1}, Params: []*Var{a, b}, Result: Int64, Locals: []*Var{t1, t2}, Raises: true,
		Body: &Block{Stmts: []Stmt{
			&While{Cond: Bin(Ne, Ref(b), Int(0)), Pos: Pos{2, 5}, Body: &Block{Stmts: []Stmt{
				&Assign{Dst: t1, Src: Ref(b), Pos: Pos{3, 9}},
				&Check{Cond: Bin(Ne, Ref(b), Int(0)), Exc: "ZeroDivisionError", Msg: "integer modulo by zero", Pos: Pos{3, 19}},
				&Assign{Dst: t2, Src: &Intrinsic{Name: "mod", Args: []Expr{Ref(a), Ref(b)}, T: Int64}, Pos: Pos{3, 9}},
				&Assign{Dst: a, Src: Ref(t1), Pos: Pos{3, 9}},
				&Assign{Dst: b, Src: Ref(t2), Pos: Pos{3, 9}},
			}}},
			&Return{Values: []Expr{Ref(a)}, Pos: Pos{4, 5}},
		}},
	}
}

func TestPrint(t *testing.T) {
	m := &Module{File: "basics.py", Funcs: []*Func{gcdFunc()},
		Consts: []*Const{{Name: "N", Value: Int(64), Pos: Pos{1, 1}}, {Name: "H", Value: &ConstExpr{T: Float32, Value: 0.5}}}}
	want := `module basics.py
const N int64 = 64  # 1:1
const H float32 = float32(0.5)  # -

func gcd(a int64, b int64) int64 raises {  # 1:1
  var t1 int64
  var t2 int64
  while (b != 0) {  # 2:5
    t1 = b  # 3:9
    check (b != 0) else ZeroDivisionError("integer modulo by zero")  # 3:19
    t2 = mod(a, b)  # 3:9
    a = t1  # 3:9
    b = t2  # 3:9
  }
  return a  # 4:5
}
`
	if diff := cmp.Diff(want, Print(m)); diff != "" {
		t.Errorf("Print mismatch (-want +got):\n%s", diff)
	}
	if err := Verify(m); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestConstString(t *testing.T) {
	tests := []struct {
		c    *ConstExpr
		want string
	}{
		{Int(-3), "-3"},
		{Float(2), "2.0"},
		{Float(1e-5), "1e-05"},
		{Float(-0.0 * -1), "0.0"},
		{BoolConst(true), "true"},
		{Complex(1 + 2i), "(1.0+2.0i)"},
		{&ConstExpr{T: Int32, Value: int64(7)}, "int32(7)"},
	}
	for _, tt := range tests {
		if got := ExprString(tt.c); got != tt.want {
			t.Errorf("ExprString(%v) = %q, want %q", tt.c.Value, got, tt.want)
		}
	}
}

// TestVerifyRejects breaks one invariant at a time and checks that the
// verifier names it.
func TestVerifyRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *Func)
		want   string
	}{
		{"assign type", func(f *Func) {
			f.Body.Stmts[1] = &Return{Values: []Expr{Float(1)}}
		}, "return value 0: want type int64, got float64"},
		{"mixed operands", func(f *Func) {
			f.Body.Stmts[0].(*While).Cond = Bin(Ne, Ref(f.Params[1]), Float(0))
		}, "operand types differ: int64 and float64"},
		{"undeclared var", func(f *Func) {
			f.Body.Stmts[1] = &Return{Values: []Expr{Ref(&Var{Name: "ghost", Type: Int64})}}
		}, "var ghost: not a parameter or local of gcd"},
		{"raises flag", func(f *Func) { f.Raises = false }, "Raises is false"},
		{"break outside loop", func(f *Func) {
			f.Body.Stmts = append([]Stmt{&Break{}}, f.Body.Stmts...)
		}, "*ir.Break outside a loop"},
		{"for assigns induction var", func(f *Func) {
			i := &Var{Name: "i", Type: Int64}
			f.Locals = append(f.Locals, i)
			f.Body.Stmts = append([]Stmt{&For{Var: i, Start: Int(0), Stop: Int(3), Step: Int(1),
				Body: &Block{Stmts: []Stmt{&Assign{Dst: i, Src: Int(5)}}}}}, f.Body.Stmts...)
		}, "must not assign its induction variable"},
		{"for bound assigned in body", func(f *Func) {
			i := &Var{Name: "i", Type: Int64}
			f.Locals = append(f.Locals, i)
			f.Body.Stmts = append([]Stmt{&For{Var: i, Start: Int(0), Stop: Ref(f.Params[0]), Step: Int(1),
				Body: &Block{Stmts: []Stmt{&Assign{Dst: f.Params[0], Src: Int(5)}}}}}, f.Body.Stmts...)
		}, "bound a is assigned in the loop body"},
		{"unknown intrinsic", func(f *Func) {
			f.Body.Stmts[1] = &Return{Values: []Expr{&Intrinsic{Name: "frobnicate", T: Int64}}}
		}, `unknown intrinsic "frobnicate"`},
		{"check not bool", func(f *Func) {
			f.Body.Stmts = append([]Stmt{&Check{Cond: Int(1), Exc: "ValueError"}}, f.Body.Stmts...)
		}, "check condition 1: want type bool, got int64"},
		{"default type", func(f *Func) { f.Defaults = []*ConstExpr{nil, Float(1)} }, "default of b: want type int64, got float64"},
		{"required after default", func(f *Func) { f.Defaults = []*ConstExpr{Int(1)} }, "param b: required positional parameter after one with a default"},
		{"too many defaults", func(f *Func) { f.Defaults = []*ConstExpr{nil, nil, Int(1)} }, "defaults: want at most 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := gcdFunc()
			tt.mutate(f)
			err := VerifyFunc(f)
			if err == nil {
				t.Fatalf("VerifyFunc accepted broken IR:\n%s", PrintFunc(f))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("VerifyFunc error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestIntrinsicTable(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range IntrinsicNames() {
		if seen[n] {
			t.Errorf("intrinsic %s listed twice", n)
		}
		seen[n] = true
		if LookupIntrinsic(n) == nil {
			t.Errorf("LookupIntrinsic(%q) = nil", n)
		}
	}
}

// TestArrayStmts prints and verifies the array statements, and checks the
// message-argument rules.
func TestArrayStmts(t *testing.T) {
	vec := &Array{Elem: Float64, Rank: 1}
	a := &Var{Name: "a", Type: vec, Param: true}
	i := &Var{Name: "i", Type: Int64, Param: true}
	b := &Var{Name: "b", Type: vec}
	c := &Var{Name: "c", Type: vec}
	f := &Func{Name: "f", Params: []*Var{a, i}, Result: vec, Locals: []*Var{b, c}, Raises: true, Body: &Block{Stmts: []Stmt{
		&Check{Cond: Bin(Lt, Ref(i), &Dim{Arr: a, Kind: Shape}), Exc: "IndexError",
			Msg: "index %d is out of bounds for axis 0 with size %d", Args: []Expr{Ref(i), &Dim{Arr: a, Kind: Shape}}},
		&Alloc{Dst: b, Shape: []Expr{&Dim{Arr: a, Kind: Shape}}},
		&View{Dst: c, Src: a, Offset: &Dim{Arr: a, Kind: Offset}, Shape: []Expr{Int(2)}, Strides: []Expr{Int(-1)}},
		&Store{Arr: b, Offset: Int(0), Val: &Load{Arr: c, Offset: Int(1)}},
		&Return{Values: []Expr{Ref(b)}},
	}}}
	want := `func f(a float64[:], i int64) float64[:] raises {
  var b float64[:]
  var c float64[:]
  check (i < a.shape[0]) else IndexError("index %d is out of bounds for axis 0 with size %d", i, a.shape[0])
  b = alloc(a.shape[0])
  c = view a offset a.offset[0] shape (2) strides (-1)
  b[0] = c[1]
  return b
}
`
	if diff := cmp.Diff(want, PrintFunc(f)); diff != "" {
		t.Errorf("PrintFunc mismatch (-want +got):\n%s", diff)
	}
	if err := VerifyFunc(f); err != nil {
		t.Errorf("VerifyFunc: %v", err)
	}
	bad := []struct {
		s    Stmt
		want string
	}{
		{&Check{Cond: BoolConst(true), Exc: "ValueError", Msg: "got %d", Args: []Expr{Ref(a)}}, "%d wants an integer"},
		{&Check{Cond: BoolConst(true), Exc: "ValueError", Msg: "shapes %s %s", Args: []Expr{Ref(a)}}, "want 2 arguments, got 1"},
		{&Alloc{Dst: b, Shape: []Expr{Int(1), Int(2)}}, "want 1 extents, got 2"},
		{&View{Dst: c, Src: a, Offset: Float(0), Shape: []Expr{Int(1)}, Strides: []Expr{Int(1)}}, "view offset 0.0: want type int64"},
		{&Alloc{Dst: i, Shape: nil}, "want an array variable"},
	}
	for _, tt := range bad {
		g := *f
		g.Body = &Block{Stmts: []Stmt{tt.s, &Return{Values: []Expr{Ref(b)}}}}
		err := VerifyFunc(&g)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("VerifyFunc(%T) = %v, want an error mentioning %q", tt.s, err, tt.want)
		}
	}
}

func TestAssignableTo(t *testing.T) {
	c := &Array{Elem: Float64, Rank: 1, Contig: true}
	s := &Array{Elem: Float64, Rank: 1}
	tests := []struct {
		src, dst Type
		want     bool
	}{
		{Int64, Int64, true},
		{Int64, Float64, false},
		{c, s, true},  // contiguous is a strided array too
		{s, c, false}, // but not the other way round
		{s, &Array{Elem: Float32, Rank: 1}, false},
		{s, &Array{Elem: Float64, Rank: 2}, false},
	}
	for _, tt := range tests {
		if got := AssignableTo(tt.src, tt.dst); got != tt.want {
			t.Errorf("AssignableTo(%s, %s) = %v, want %v", tt.src, tt.dst, got, tt.want)
		}
	}
}
