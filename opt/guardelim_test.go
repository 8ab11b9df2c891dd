package opt

import (
	"math"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// guardCase is one guardelim test: a function body built from the
// variables in guardVars, and the messages of the checks that must remain.
// Each check carries a distinct message, so a case names exactly which
// checks go and which stay.
type guardCase struct {
	name string
	body func(v *guardVars) []ir.Stmt
	keep []string
}

type guardVars struct {
	a, b, n, i, k *ir.Var // int64
	y, w          *ir.Var // float64
	s             *ir.Var // int8
	u             *ir.Var // uint64
	c             *ir.Var // bool
	g             *ir.Func
}

func newGuardVars() *guardVars {
	v := &guardVars{
		a: &ir.Var{Name: "a", Type: ir.Int64, Param: true},
		b: &ir.Var{Name: "b", Type: ir.Int64, Param: true},
		n: &ir.Var{Name: "n", Type: ir.Int64, Param: true},
		y: &ir.Var{Name: "y", Type: ir.Float64, Param: true},
		w: &ir.Var{Name: "w", Type: ir.Float64, Param: true},
		s: &ir.Var{Name: "s", Type: ir.Int8, Param: true},
		u: &ir.Var{Name: "u", Type: ir.Uint64, Param: true},
		c: &ir.Var{Name: "c", Type: ir.Bool, Param: true},
		i: &ir.Var{Name: "i", Type: ir.Int64},
		k: &ir.Var{Name: "k", Type: ir.Int64},
	}
	q := &ir.Var{Name: "q", Type: ir.Int64, Param: true}
	v.g = &ir.Func{Name: "g", Params: []*ir.Var{q}, Result: ir.Int64,
		Body: &ir.Block{Stmts: []ir.Stmt{&ir.Return{Values: []ir.Expr{ir.Ref(q)}}}}}
	return v
}

func (v *guardVars) fn(body []ir.Stmt) *ir.Func {
	return &ir.Func{Name: "k", Result: ir.None, Raises: true,
		Params: []*ir.Var{v.a, v.b, v.n, v.y, v.w, v.s, v.u, v.c},
		Locals: []*ir.Var{v.i, v.k},
		Body:   &ir.Block{Stmts: body}}
}

func chk(cond ir.Expr, msg string) *ir.Check {
	return &ir.Check{Cond: cond, Exc: "ZeroDivisionError", Msg: msg}
}

func blk(s ...ir.Stmt) *ir.Block { return &ir.Block{Stmts: s} }

func set(x *ir.Var, e ir.Expr) *ir.Assign { return &ir.Assign{Dst: x, Src: e} }

func dec(x *ir.Var) *ir.Assign { return set(x, ir.Bin(ir.Sub, ir.Ref(x), ir.Int(1))) }

func ne0(x *ir.Var) ir.Expr {
	if x.Type == ir.Float64 {
		return ir.Bin(ir.Ne, ir.Ref(x), ir.Float(0))
	}
	return ir.Bin(ir.Ne, ir.Ref(x), &ir.ConstExpr{T: x.Type.(ir.Scalar), Value: int64(0)})
}

func cmp(op ir.BinOp, x *ir.Var, c int64) ir.Expr { return ir.Bin(op, ir.Ref(x), ir.Int(c)) }

func fcmp(op ir.BinOp, x *ir.Var, c float64) ir.Expr { return ir.Bin(op, ir.Ref(x), ir.Float(c)) }

func loop(v *ir.Var, start, stop, step ir.Expr, body ...ir.Stmt) *ir.For {
	return &ir.For{Var: v, Start: start, Stop: stop, Step: step, Body: blk(body...)}
}

var guardCases = []guardCase{
	// --- must fire ---
	{"while guard (gcd)", func(v *guardVars) []ir.Stmt {
		// while b != 0: a, b = b, a % b — b is reassigned only after the
		// check, and the condition is tested again before the next
		// iteration.
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(
			chk(ne0(v.b), "mod"),
			set(v.k, intr("mod", ir.Int64, ir.Ref(v.a), ir.Ref(v.b))),
			set(v.a, ir.Ref(v.b)),
			set(v.b, ir.Ref(v.k)),
		)}}
	}, nil},
	{"if guard", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ne0(v.b), Then: blk(chk(ne0(v.b), "then")), Else: blk(chk(ne0(v.b), "else"))}}
	}, []string{"else"}},
	{"if guard, operands swapped", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ir.Bin(ir.Ne, ir.Int(0), ir.Ref(v.b)), Then: blk(chk(ne0(v.b), "then"))}}
	}, nil},
	{"else of an integer ==", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: cmp(ir.Eq, v.b, 0), Then: blk(set(v.a, ir.Int(1))), Else: blk(chk(ne0(v.b), "else"))}}
	}, nil},
	{"after if b == 0: return", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: cmp(ir.Eq, v.b, 0), Then: blk(&ir.Return{})},
			chk(ne0(v.b), "after"),
		}
	}, nil},
	{"after if b == 0: raise, the raise stays", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: cmp(ir.Eq, v.b, 0), Then: blk(&ir.Raise{Exc: "ValueError", Msg: "raise"})},
			chk(ne0(v.b), "after"),
		}
	}, nil},
	{"after if isnan or isinf: return", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: ir.Bin(ir.OrOr, intr("isnan", ir.Bool, ir.Ref(v.y)), intr("isinf", ir.Bool, ir.Ref(v.y))), Then: blk(&ir.Return{})},
			chk(not(intr("isnan", ir.Bool, ir.Ref(v.y))), "nan"),
			chk(not(intr("isinf", ir.Bool, ir.Ref(v.y))), "inf"),
		}
	}, nil},
	{"continue when b == 0", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.i, ir.Int(0), ir.Ref(v.n), ir.Int(1),
			&ir.If{Cond: cmp(ir.Eq, v.b, 0), Then: blk(&ir.Continue{})},
			chk(ne0(v.b), "body"),
		)}
	}, nil},
	{"join of two branches that both check", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: ir.Ref(v.c), Then: blk(chk(ne0(v.b), "then")), Else: blk(set(v.a, ir.Int(2)), chk(ne0(v.b), "else"))},
			chk(ne0(v.b), "after"),
		}
	}, []string{"then", "else"}},
	{"duplicate checks", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			chk(ne0(v.b), "first"),
			set(v.a, intr("floordiv", ir.Int64, ir.Ref(v.a), ir.Ref(v.b))),
			chk(ne0(v.b), "second"),
			chk(ir.Bin(ir.Ne, ir.Int(0), ir.Ref(v.b)), "swapped"),
			chk(ir.Bin(ir.Ne, &ir.Unary{Op: ir.Neg, X: ir.Ref(v.b)}, ir.Int(0)), "negated"),
			chk(ir.Bin(ir.Ne, ir.Conv(ir.Ref(v.b), ir.Float64), ir.Float(0)), "as float"),
		}
	}, []string{"first"}},
	{"duplicate float checks", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			chk(ne0(v.y), "first"),
			chk(ne0(v.y), "second"),
			chk(ir.Bin(ir.Ne, &ir.Unary{Op: ir.Neg, X: ir.Ref(v.y)}, ir.Float(0)), "negated"),
			chk(ir.Bin(ir.Ne, ir.Ref(v.y), ir.Float(math.Copysign(0, -1))), "minus zero"),
		}
	}, []string{"first"}},
	{"duplicate intrinsic checks", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			chk(not(intr("domain_err", ir.Bool, ir.Ref(v.y), ir.Ref(v.w))), "first"),
			chk(not(intr("domain_err", ir.Bool, ir.Ref(v.y), ir.Ref(v.w))), "second"),
			chk(not(intr("domain_err", ir.Bool, ir.Ref(v.w), ir.Ref(v.y))), "other args"),
		}
	}, []string{"first", "other args"}},
	{"integer orderings imply != 0", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: cmp(ir.Gt, v.a, 0), Then: blk(chk(ne0(v.a), "a > 0"))},
			&ir.If{Cond: cmp(ir.Lt, v.a, 0), Then: blk(chk(ne0(v.a), "a < 0"))},
			&ir.If{Cond: cmp(ir.Ge, v.a, 3), Then: blk(chk(ne0(v.a), "a >= 3"), chk(cmp(ir.Gt, v.a, 2), "a > 2"), chk(cmp(ir.Ge, v.a, 0), "a >= 0"))},
			&ir.If{Cond: cmp(ir.Le, v.a, -1), Then: blk(chk(ne0(v.a), "a <= -1"))},
			&ir.If{Cond: ir.Bin(ir.Lt, ir.Int(5), ir.Ref(v.a)), Then: blk(chk(ne0(v.a), "5 < a"))},
			&ir.If{Cond: cmp(ir.Eq, v.a, 7), Then: blk(chk(ne0(v.a), "a == 7"))},
			&ir.If{Cond: ir.Bin(ir.Gt, ir.Ref(v.s), &ir.ConstExpr{T: ir.Int8, Value: int64(0)}), Then: blk(chk(ne0(v.s), "int8 > 0"))},
		}
	}, nil},
	{"&& splits into facts", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ir.Bin(ir.AndAnd, cmp(ir.Gt, v.a, 0), ne0(v.b)), Then: blk(
			chk(ne0(v.b), "b"), chk(ne0(v.a), "a"), chk(ir.Bin(ir.AndAnd, ne0(v.a), ne0(v.b)), "both"))}}
	}, nil},
	{"float > 0.0 and < 0.0 imply != 0.0", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: fcmp(ir.Gt, v.y, 0), Then: blk(chk(ne0(v.y), "y > 0.0"))},
			&ir.If{Cond: fcmp(ir.Lt, v.y, 0), Then: blk(chk(ne0(v.y), "y < 0.0"))},
		}
	}, nil},
	{"range from 1", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Int(1), ir.Ref(v.n), ir.Int(1),
			chk(ir.Bin(ir.Ne, ir.Conv(ir.Ref(v.k), ir.Float64), ir.Float(0)), "float(k)"),
			chk(ne0(v.k), "k"))}
	}, nil},
	{"range down to 0", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Ref(v.n), ir.Int(0), ir.Int(-1), chk(ne0(v.k), "k"))}
	}, nil},
	{"range with step 2 and a constant stop", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Int(1), ir.Int(100), ir.Int(2), chk(ne0(v.k), "k"))}
	}, nil},
	{"outer guard survives a nested loop that does not assign it", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(
			loop(v.i, ir.Int(0), ir.Ref(v.n), ir.Int(1), chk(ne0(v.b), "inner"), set(v.a, ir.Ref(v.i))),
			chk(ne0(v.b), "after inner"),
			dec(v.b),
		)}}
	}, nil},

	// --- must not fire ---
	{"guard reassigned before the check", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(dec(v.b), chk(ne0(v.b), "after dec"))}}
	}, []string{"after dec"}},
	{"guard reassigned between two checks in a loop", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(chk(ne0(v.b), "before"), dec(v.b), chk(ne0(v.b), "after"))}}
	}, []string{"after"}},
	{"if guard, assigned in the branch", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ne0(v.b), Then: blk(
			&ir.If{Cond: ir.Ref(v.c), Then: blk(set(v.b, ir.Int(0)))},
			chk(ne0(v.b), "then"))}}
	}, []string{"then"}},
	{"guard killed by a call result", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			chk(ne0(v.b), "first"),
			&ir.CallStmt{Dsts: []*ir.Var{v.b}, Call: &ir.Call{Fn: v.g, Args: []ir.Expr{ir.Ref(v.a)}}},
			chk(ne0(v.b), "after call"),
		}
	}, []string{"first", "after call"}},
	{"outer guard, loop body assigns it after the check", func(v *guardVars) []ir.Stmt {
		// The check comes before the assignment in program order, but the
		// back edge brings b = b - 1 round to it on the next iteration.
		return []ir.Stmt{&ir.If{Cond: ne0(v.b), Then: blk(
			&ir.While{Cond: ir.Ref(v.c), Body: blk(chk(ne0(v.b), "loop"), dec(v.b))},
			chk(ne0(v.b), "after loop"),
		)}}
	}, []string{"loop", "after loop"}},
	{"outer guard, for body assigns it", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			chk(ne0(v.b), "first"),
			loop(v.i, ir.Int(0), ir.Ref(v.n), ir.Int(1), chk(ne0(v.b), "loop"), &ir.If{Cond: ir.Ref(v.c), Then: blk(dec(v.b))}),
		}
	}, []string{"first", "loop"}},
	{"while guard, nested loop assigns it", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(
			loop(v.i, ir.Int(0), ir.Ref(v.n), ir.Int(1), chk(ne0(v.b), "inner"), dec(v.b)),
			chk(ne0(v.b), "after inner"),
		)}}
	}, []string{"inner", "after inner"}},
	{"nested for reuses the variable as its induction variable", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ne0(v.k), Then: blk(
			loop(v.k, ir.Int(0), ir.Ref(v.n), ir.Int(1), chk(ne0(v.k), "inner")),
			chk(ne0(v.k), "after"),
		)}}
	}, []string{"inner", "after"}},
	{"float == is not negated", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: fcmp(ir.Eq, v.y, 0), Then: blk(set(v.a, ir.Int(0))), Else: blk(chk(ne0(v.y), "else"))},
			&ir.If{Cond: fcmp(ir.Eq, v.y, 0), Then: blk(&ir.Return{})},
			chk(ne0(v.y), "after")}
	}, []string{"else", "after"}},
	{"a check in the only branch that falls through holds after the if", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: fcmp(ir.Eq, v.y, 0), Then: blk(&ir.Return{}), Else: blk(chk(ne0(v.y), "else"))},
			chk(ne0(v.y), "after")}
	}, []string{"else"}},
	{"else of a float ordering", func(v *guardVars) []ir.Stmt {
		// !(y < w) is not y >= w: both are false for NaN.
		return []ir.Stmt{
			&ir.If{Cond: ir.Bin(ir.Lt, ir.Ref(v.y), ir.Ref(v.w)), Then: blk(set(v.a, ir.Int(0))), Else: blk(
				chk(ir.Bin(ir.Ge, ir.Ref(v.y), ir.Ref(v.w)), "else"))},
			&ir.If{Cond: ir.Bin(ir.Lt, ir.Ref(v.y), ir.Ref(v.w)), Then: blk(&ir.Return{})},
			chk(ir.Bin(ir.Ge, ir.Ref(v.y), ir.Ref(v.w)), "after")}
	}, []string{"else", "after"}},
	{"else of an integer ordering is not negated", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: cmp(ir.Le, v.b, 0), Then: blk(set(v.a, ir.Int(0))), Else: blk(chk(ne0(v.b), "else"))}}
	}, []string{"else"}},
	{"then branch falls through", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: cmp(ir.Eq, v.b, 0), Then: blk(set(v.a, ir.Int(1)))}, chk(ne0(v.b), "after")}
	}, []string{"after"}},
	{"fact from one branch only", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ir.Ref(v.c), Then: blk(chk(ne0(v.b), "then"))}, chk(ne0(v.b), "after")}
	}, []string{"then", "after"}},
	{"|| gives no fact in then", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.If{Cond: ir.Bin(ir.OrOr, ne0(v.a), ne0(v.b)), Then: blk(chk(ne0(v.a), "a"))}}
	}, []string{"a"}},
	{"orderings that allow zero", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{
			&ir.If{Cond: cmp(ir.Ge, v.a, 0), Then: blk(chk(ne0(v.a), "a >= 0"))},
			&ir.If{Cond: cmp(ir.Gt, v.a, -1), Then: blk(chk(ne0(v.a), "a > -1"))},
			&ir.If{Cond: cmp(ir.Le, v.a, 0), Then: blk(chk(ne0(v.a), "a <= 0"))},
			&ir.If{Cond: cmp(ir.Gt, v.a, 0), Then: blk(chk(ne0(v.b), "other var"))},
			&ir.If{Cond: fcmp(ir.Ge, v.y, 0), Then: blk(chk(ne0(v.y), "y >= 0.0"))},
			&ir.If{Cond: cmp(ir.Gt, v.a, 0), Then: blk(chk(ir.Bin(ir.Ne, ir.Conv(ir.Ref(v.a), ir.Int8), &ir.ConstExpr{T: ir.Int8, Value: int64(0)}), "narrowed"))},
			&ir.If{Cond: ir.Bin(ir.Gt, ir.Ref(v.u), &ir.ConstExpr{T: ir.Uint64, Value: int64(-1)}), Then: blk(chk(ne0(v.u), "uint64 > huge"))},
		}
	}, []string{"a >= 0", "a > -1", "a <= 0", "other var", "y >= 0.0", "narrowed", "uint64 > huge"}},
	{"range from 0", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Int(0), ir.Ref(v.n), ir.Int(1), chk(ne0(v.k), "k"))}
	}, []string{"k"}},
	{"range with a large step may wrap past its start", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Int(1), ir.Ref(v.n), ir.Int(2), chk(ne0(v.k), "k"))}
	}, []string{"k"}},
	{"range start assigned in the body", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{loop(v.k, ir.Ref(v.a), ir.Ref(v.n), ir.Int(1),
			chk(ir.Bin(ir.Ge, ir.Ref(v.k), ir.Ref(v.a)), "k >= a"), set(v.a, ir.Ref(v.n)))}
	}, []string{"k >= a"}},
	{"loop guard does not outlive the loop", func(v *guardVars) []ir.Stmt {
		return []ir.Stmt{&ir.While{Cond: ne0(v.b), Body: blk(&ir.If{Cond: ir.Ref(v.c), Then: blk(&ir.Break{})})},
			chk(ne0(v.b), "after")}
	}, []string{"after"}},
	{"loads are not facts", func(v *guardVars) []ir.Stmt {
		arr := &ir.Var{Name: "arr", Type: &ir.Array{Elem: ir.Int64, Rank: 1}, Param: true}
		v.n = arr // an array parameter in place of n
		ld := func() ir.Expr { return &ir.Load{Arr: arr, Offset: ir.Int(0)} }
		return []ir.Stmt{&ir.If{Cond: ir.Bin(ir.Ne, ld(), ir.Int(0)), Then: blk(
			&ir.Store{Arr: arr, Offset: ir.Int(0), Val: ir.Int(0)},
			chk(ir.Bin(ir.Ne, ld(), ir.Int(0)), "load"))}}
	}, []string{"load"}},
}

func TestGuardElim(t *testing.T) {
	for _, tt := range guardCases {
		t.Run(tt.name, func(t *testing.T) {
			v := newGuardVars()
			f := v.fn(tt.body(v))
			before := ir.PrintFunc(f)
			var raises []*ir.Raise
			ir.WalkStmts(f.Body, func(s ir.Stmt) {
				if r, ok := s.(*ir.Raise); ok {
					raises = append(raises, r)
				}
			})
			guardElim(f)
			var kept []string
			var raisesAfter []*ir.Raise
			ir.WalkStmts(f.Body, func(s ir.Stmt) {
				switch s := s.(type) {
				case *ir.Check:
					kept = append(kept, s.Msg)
				case *ir.Raise:
					raisesAfter = append(raisesAfter, s)
				}
			})
			if strings.Join(kept, ", ") != strings.Join(tt.keep, ", ") {
				t.Errorf("kept checks [%s], want [%s]\nbefore:\n%s\nafter:\n%s",
					strings.Join(kept, ", "), strings.Join(tt.keep, ", "), before, ir.PrintFunc(f))
			}
			if len(raisesAfter) != len(raises) {
				t.Errorf("raises: %d before, %d after", len(raises), len(raisesAfter))
			}
			if err := ir.VerifyFunc(f); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestGuardElimSignature runs the pipeline on gcd: its only check goes, so
// it no longer raises, at -O0 as at -O2.
func TestGuardElimSignature(t *testing.T) {
	for _, lvl := range []int{0, 2} {
		v := newGuardVars()
		f := v.fn(guardCases[0].body(v))
		f.Name = "gcd"
		m := &ir.Module{File: "t.py", Funcs: []*ir.Func{f}}
		if err := Run(m, Config{OptLevel: lvl, Verify: true}); err != nil {
			t.Fatal(err)
		}
		if f.Raises || strings.Contains(ir.PrintFunc(f), "check") {
			t.Errorf("-O%d: gcd still raises:\n%s", lvl, ir.PrintFunc(f))
		}
	}
}

// TestGuardElimKeepsKeptChecks checks that the pass only deletes: a check
// that stays keeps its condition, node for node.
func TestGuardElimKeepsKeptChecks(t *testing.T) {
	v := newGuardVars()
	c := chk(ne0(v.b), "kept")
	cond := c.Cond
	f := v.fn([]ir.Stmt{dec(v.b), c})
	guardElim(f)
	if len(f.Body.Stmts) != 2 || f.Body.Stmts[1] != c || c.Cond != cond || ir.ExprString(cond) != "(b != 0)" {
		t.Errorf("guardelim rewrote a kept check:\n%s", ir.PrintFunc(f))
	}
}

// TestGuardElimDims checks the n = a.shape[0] alias: a range loop over n
// proves i < a.shape[0], until a or n gets a new value.
func TestGuardElimDims(t *testing.T) {
	arr := &ir.Array{Elem: ir.Float64, Rank: 1}
	a := &ir.Var{Name: "a", Type: arr, Param: true}
	n := &ir.Var{Name: "n", Type: ir.Int64}
	i := &ir.Var{Name: "i", Type: ir.Int64}
	j := &ir.Var{Name: "j", Type: ir.Int64}
	dim := func() ir.Expr { return &ir.Dim{Arr: a, Kind: ir.Shape, Axis: 0} }
	bound := func(iv *ir.Var, msg string) *ir.Check {
		return &ir.Check{Cond: ir.Bin(ir.Lt, ir.Ref(iv), dim()), Exc: "IndexError", Msg: msg}
	}
	view := &ir.View{Dst: a, Src: a, Offset: ir.Int(1), Shape: []ir.Expr{ir.Int(1)}, Strides: []ir.Expr{ir.Int(1)}}
	f := &ir.Func{Name: "k", Result: ir.None, Raises: true, Params: []*ir.Var{a}, Locals: []*ir.Var{n, i, j},
		Body: blk(
			&ir.Assign{Dst: n, Src: dim()},
			&ir.For{Var: i, Start: ir.Int(0), Stop: ir.Ref(n), Step: ir.Int(1), Body: blk(bound(i, "goes"))},
			&ir.For{Var: j, Start: ir.Int(0), Stop: ir.Ref(n), Step: ir.Int(1), Body: blk(view, bound(j, "stays: a changed"))},
		)}
	if err := ir.VerifyFunc(f); err != nil {
		t.Fatal(err)
	}
	guardElim(f)
	var kept []string
	ir.WalkStmts(f.Body, func(s ir.Stmt) {
		if c, ok := s.(*ir.Check); ok {
			kept = append(kept, c.Msg)
		}
	})
	if strings.Join(kept, "|") != "stays: a changed" {
		t.Errorf("kept checks %q, want only the one after the View\n%s", kept, ir.PrintFunc(f))
	}
}
