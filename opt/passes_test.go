package opt

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// fn builds a one-statement function returning e, with params p and q.
func fn(result ir.Type, body ...ir.Stmt) *ir.Func {
	return &ir.Func{Name: "k", Result: result, Body: &ir.Block{Stmts: body}, Raises: true}
}

var (
	p = &ir.Var{Name: "p", Type: ir.Int64, Param: true}
	x = &ir.Var{Name: "x", Type: ir.Float64, Param: true}
)

func withParams(f *ir.Func) *ir.Func {
	f.Params = []*ir.Var{p, x}
	return f
}

func TestPassTable(t *testing.T) {
	names := PassNames()
	if strings.Join(names, ",") != "constfold,checkelim,deadcode,guardelim,raises,boundscheck,unused,bchoist,interchange,tile,licm,contig,stride,window,parallel,unroll,restrict,chunk,readonly" {
		t.Errorf("PassNames() = %v", names)
	}
	seen := map[string]bool{}
	for _, ps := range passes {
		if seen[ps.name] {
			t.Errorf("pass %s listed twice", ps.name)
		}
		seen[ps.name] = true
		if ps.doc == "" || !strings.HasPrefix(ps.doc, ps.name+" ") || strings.Count(ps.doc, ". ") > 0 {
			t.Errorf("pass %s: doc must be one sentence starting with its name, got %q", ps.name, ps.doc)
		}
		if PassDoc(ps.name) != ps.doc {
			t.Errorf("PassDoc(%s) mismatch", ps.name)
		}
	}
}

func TestPassOrder(t *testing.T) {
	index := map[string]int{}
	for i, ps := range passes {
		index[ps.name] = i
	}
	for _, c := range passOrder {
		b, okb := index[c.before]
		a, oka := index[c.after]
		if !okb || !oka {
			t.Errorf("passOrder names an unknown pass: %s before %s", c.before, c.after)
			continue
		}
		if b >= a {
			t.Errorf("pass %s must run before %s: %s", c.before, c.after, c.why)
		}
		if c.why == "" {
			t.Errorf("passOrder %s before %s has no reason", c.before, c.after)
		}
	}
	// An optional pass must come after raises: it may delete checks, and
	// signatures must not depend on -O.
	for _, ps := range passes {
		if !ps.required && index[ps.name] < index["raises"] {
			t.Errorf("optional pass %s runs before raises", ps.name)
		}
	}
}

func TestConstFold(t *testing.T) {
	i8 := func(v int64) *ir.ConstExpr { return &ir.ConstExpr{T: ir.Int8, Value: v} }
	f32 := func(v float64) *ir.ConstExpr { return &ir.ConstExpr{T: ir.Float32, Value: v} }
	tests := []struct {
		in   ir.Expr
		want string
	}{
		// Integer arithmetic wraps like int64 (Python ints are int64 here).
		{ir.Bin(ir.Add, ir.Int(math.MaxInt64), ir.Int(1)), "-9223372036854775808"},
		{ir.Bin(ir.Mul, i8(100), i8(2)), "int8(-56)"},
		{&ir.Unary{Op: ir.Neg, X: ir.Int(math.MinInt64)}, "-9223372036854775808"},
		{&ir.Unary{Op: ir.BitNot, X: ir.Int(5)}, "-6"},
		{ir.Bin(ir.Shl, ir.Int(1), ir.Int(64)), "0"},
		{ir.Bin(ir.Shr, ir.Int(-8), ir.Int(100)), "-1"},
		// A negative count is numpy's out-of-range shift (a Python int's
		// is behind a failing check, in code deadcode removes).
		{ir.Bin(ir.Shl, ir.Int(1), ir.Int(-1)), "0"},
		{ir.Bin(ir.Shr, i8(-100), i8(-2)), "int8(-1)"},
		{ir.Bin(ir.Shr, i8(100), i8(-2)), "int8(0)"},
		// IEEE float arithmetic, in the operands' precision.
		{ir.Bin(ir.Add, ir.Float(0.1), ir.Float(0.2)), "0.30000000000000004"},
		{ir.Bin(ir.Add, f32(0.5), f32(float64(float32(0.1)))), "float32(0.6000000238418579)"},
		{ir.Bin(ir.Div, ir.Float(1), ir.Float(0)), "inf"},
		{ir.Bin(ir.Sub, ir.Float(0), ir.Float(0)), "0.0"},
		{&ir.Unary{Op: ir.Neg, X: ir.Float(0)}, "-0.0"},
		{ir.Bin(ir.Lt, ir.Float(math.NaN()), ir.Float(1)), "false"},
		{ir.Bin(ir.Ne, ir.Float(math.NaN()), ir.Float(math.NaN())), "true"},
		// Conversions.
		{&ir.Convert{X: ir.Int(1<<53 + 1), T: ir.Float64}, "9.007199254740992e+15"},
		{&ir.Convert{X: ir.Int(300), T: ir.Uint8}, "uint8(44)"},
		{&ir.Convert{X: ir.BoolConst(true), T: ir.Int64}, "1"},
		{&ir.Convert{X: ir.Float(2.5), T: ir.Complex128}, "(2.5+0.0i)"},
		// Exact intrinsics fold; transcendental ones never do.
		{intr("floordiv", ir.Int64, ir.Int(-7), ir.Int(2)), "-4"},
		{intr("mod", ir.Int64, ir.Int(-7), ir.Int(2)), "1"},
		{intr("mod", ir.Int64, ir.Int(7), ir.Int(0)), "mod(7, 0)"},
		{intr("powi", ir.Int64, ir.Int(3), ir.Int(4)), "81"},
		{intr("min", ir.Float64, ir.Float(math.NaN()), ir.Float(1)), "nan"},
		{intr("max", ir.Float64, ir.Float(1), ir.Float(math.NaN())), "1.0"},
		{intr("ftoi_ok", ir.Bool, ir.Float(9.3e18)), "false"},
		{intr("range_err", ir.Bool, ir.Float(1000), ir.Float(math.Inf(1))), "true"},
		{intr("exp", ir.Float64, ir.Float(1)), "exp(1.0)"},
		{intr("sin", ir.Float64, ir.Float(0)), "sin(0.0)"},
		// Short-circuit identities keep the non-constant side.
		{ir.Bin(ir.AndAnd, ir.BoolConst(true), ir.Bin(ir.Lt, ir.Ref(p), ir.Int(3))), "(p < 3)"},
		{ir.Bin(ir.OrOr, ir.Bin(ir.Lt, ir.Ref(p), ir.Int(3)), ir.BoolConst(true)), "true"},
		// Nested: folds bottom-up, leaves variables alone.
		{ir.Bin(ir.Add, ir.Ref(p), ir.Bin(ir.Mul, ir.Int(2), ir.Int(3))), "(p + 6)"},
		{&ir.Unary{Op: ir.Not, X: ir.Bin(ir.Ne, ir.Bin(ir.Add, ir.Int(1), ir.Int(1)), ir.Int(0))}, "false"},
	}
	for _, tt := range tests {
		in := ir.ExprString(tt.in)
		f := withParams(fn(tt.in.Type(), &ir.Return{Values: []ir.Expr{tt.in}}))
		constFold(f)
		got := ir.ExprString(f.Body.Stmts[0].(*ir.Return).Values[0])
		if got != tt.want {
			t.Errorf("constfold %s = %s, want %s", in, got, tt.want)
		}
		if err := ir.VerifyFunc(f); err != nil {
			t.Errorf("constfold %s: %v", in, err)
		}
	}
}

func TestCheckElim(t *testing.T) {
	two := &ir.Check{Cond: ir.Bin(ir.Ne, ir.Int(2), ir.Int(0)), Exc: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	neverOK := &ir.Check{Cond: ir.Bin(ir.Ne, ir.Int(0), ir.Int(0)), Exc: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	varying := &ir.Check{Cond: ir.Bin(ir.Ne, ir.Ref(p), ir.Int(0)), Exc: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	nested := &ir.Check{Cond: not(intr("isnan", ir.Bool, ir.Float(1.5))), Exc: "ValueError", Msg: "cannot convert float NaN to integer"}
	loop := &ir.While{Cond: ir.Bin(ir.Lt, ir.Ref(p), ir.Int(10)), Body: &ir.Block{Stmts: []ir.Stmt{nested,
		&ir.Assign{Dst: p, Src: ir.Bin(ir.Add, ir.Ref(p), ir.Int(1))}}}}
	f := withParams(fn(ir.Int64, two, neverOK, varying, loop,
		&ir.Return{Values: []ir.Expr{intr("floordiv", ir.Int64, ir.Ref(p), ir.Int(2))}}))
	checkElim(f)
	got := ir.PrintFunc(f)
	want := `func k(p int64, x float64) int64 raises {
  check (0 != 0) else ZeroDivisionError("integer division or modulo by zero")
  check (p != 0) else ZeroDivisionError("integer division or modulo by zero")
  while (p < 10) {
    p = (p + 1)
  }
  return floordiv(p, 2)
}
`
	if got != want {
		t.Errorf("checkelim:\n%s\nwant:\n%s", got, want)
	}
	// The check that stays was not folded in place: checkelim only deletes.
	if ir.ExprString(neverOK.Cond) != "(0 != 0)" {
		t.Errorf("checkelim rewrote a kept condition: %s", ir.ExprString(neverOK.Cond))
	}
}

func TestRecomputeRaises(t *testing.T) {
	// g's only check folds away, so g stops raising, and so does its caller.
	g := withParams(fn(ir.Int64,
		&ir.Check{Cond: ir.Bin(ir.Ne, ir.Int(2), ir.Int(0)), Exc: "ZeroDivisionError", Msg: "m"},
		&ir.Return{Values: []ir.Expr{ir.Ref(p)}}))
	g.Name = "g"
	q := &ir.Var{Name: "q", Type: ir.Int64, Param: true}
	r := &ir.Var{Name: "r", Type: ir.Int64}
	h := &ir.Func{Name: "h", Params: []*ir.Var{q}, Locals: []*ir.Var{r}, Result: ir.Int64, Raises: true,
		Body: &ir.Block{Stmts: []ir.Stmt{
			&ir.CallStmt{Dsts: []*ir.Var{r}, Call: &ir.Call{Fn: g, Args: []ir.Expr{ir.Ref(q), ir.Float(1)}}},
			&ir.Return{Values: []ir.Expr{ir.Ref(r)}},
		}}}
	m := &ir.Module{File: "t.py", Funcs: []*ir.Func{g, h}}
	if err := Run(m, Config{OptLevel: 2, Verify: true}); err != nil {
		t.Fatal(err)
	}
	if g.Raises || h.Raises {
		t.Errorf("Raises after checkelim: g %v, h %v; want false, false", g.Raises, h.Raises)
	}
}

func TestPassManager(t *testing.T) {
	build := func() *ir.Module {
		f := withParams(fn(ir.Int64,
			&ir.Check{Cond: ir.Bin(ir.Ne, ir.Int(2), ir.Int(0)), Exc: "ZeroDivisionError", Msg: "m"},
			&ir.Return{Values: []ir.Expr{ir.Bin(ir.Add, ir.Ref(p), ir.Bin(ir.Add, ir.Int(1), ir.Int(2)))}}))
		return &ir.Module{File: "t.py", Funcs: []*ir.Func{f}}
	}
	run := func(cfg Config) (string, string, error) {
		m := build()
		var dump bytes.Buffer
		cfg.Dump = &dump
		cfg.Verify = true
		err := Run(m, cfg)
		return ir.Print(m), dump.String(), err
	}

	// -O0 still runs the required passes, which decide the signature: the
	// always-true check goes and k does not raise at any level.
	got, _, err := run(Config{OptLevel: 0})
	if err != nil || strings.Contains(got, "check") || strings.Contains(got, "raises") || !strings.Contains(got, "(p + 3)") {
		t.Errorf("-O0 (err %v):\n%s", err, got)
	}
	got2, _, err := run(Config{OptLevel: 2})
	if err != nil || got2 != got {
		t.Errorf("-O2 (err %v) differs from -O0 with no optional pass in the table:\n%s", err, got2)
	}
	// A required pass cannot be disabled.
	if _, _, err = run(Config{OptLevel: 2, Disable: map[string]bool{"constfold": true}}); err == nil || !strings.Contains(err.Error(), "required") {
		t.Errorf("disabling constfold: err %v", err)
	}
	// DumpAfter prints the module right after the named pass.
	_, dump, err := run(Config{OptLevel: 2, DumpAfter: "constfold"})
	if err != nil || !strings.Contains(dump, "check true") || !strings.Contains(dump, "(p + 3)") {
		t.Errorf("dump after constfold (err %v):\n%s", err, dump)
	}
	_, dump, err = run(Config{OptLevel: 2, DumpAfter: "lower"})
	if err != nil || !strings.Contains(dump, "(1 + 2)") {
		t.Errorf("dump after lower (err %v):\n%s", err, dump)
	}
	// Unknown names are errors.
	if _, _, err := run(Config{OptLevel: 2, Disable: map[string]bool{"nosuch": true}}); err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("unknown Disable: err %v", err)
	}
	if _, _, err := run(Config{DumpAfter: "nosuch"}); err == nil {
		t.Errorf("unknown DumpAfter: no error")
	}
}

func TestPassFailureNamesPass(t *testing.T) {
	saved := passes[0].fn
	defer func() { passes[0].fn = saved }()
	m := func() *ir.Module {
		f := withParams(fn(ir.Int64, &ir.Return{Values: []ir.Expr{ir.Ref(p)}}))
		return &ir.Module{File: "t.py", Funcs: []*ir.Func{f}}
	}

	passes[0].fn = func(f *ir.Func) { panic("boom") }
	err := Run(m(), Config{OptLevel: 2, Verify: true})
	if err == nil || !strings.Contains(err.Error(), "pass constfold") || !strings.Contains(err.Error(), "boom") ||
		!strings.Contains(err.Error(), "func k(") {
		t.Errorf("panicking pass: err = %v", err)
	}

	passes[0].fn = func(f *ir.Func) { f.Body.Stmts[0].(*ir.Return).Values[0] = ir.Float(1) }
	err = Run(m(), Config{OptLevel: 2, Verify: true})
	if err == nil || !strings.Contains(err.Error(), "pass constfold") || !strings.Contains(err.Error(), "want type int64") {
		t.Errorf("pass breaking the IR: err = %v", err)
	}
}
