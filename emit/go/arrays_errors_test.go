package emitgo

import (
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// TestArrayErrors: IR the emitter cannot print gives an error naming the
// problem, never a panic or Go that does not build.
func TestArrayErrors(t *testing.T) {
	cases := []struct {
		name, want string
		build      func(b *fnBuilder) []ir.Stmt
	}{
		{"binary on arrays", "want a scalar type, got float64[:]", func(b *fnBuilder) []ir.Stmt {
			a := b.param("a", f64v)
			return []ir.Stmt{ret(2, bin(ir.Add, ref(a), ref(a)))}
		}},
		{"store of the wrong element type", "want element type float64, got float32", func(b *fnBuilder) []ir.Stmt {
			a := b.param("a", f64v)
			return []ir.Stmt{store(a, ir.Int(0), &ir.ConstExpr{T: ir.Float32, Value: 1.0}, 2, 5), ret(3, ir.Float(0))}
		}},
		{"message verbs", "want 2 arguments, got 1", func(b *fnBuilder) []ir.Stmt {
			a := b.param("a", f64v)
			return []ir.Stmt{&ir.Raise{Exc: "ValueError", Msg: "%d %d", Args: []ir.Expr{shapeOf(a, 0)}, Pos: at(2, 5)}}
		}},
		{"%s of an int", "%s wants an array, got int64", func(b *fnBuilder) []ir.Stmt {
			a := b.param("a", f64v)
			return []ir.Stmt{&ir.Raise{Exc: "ValueError", Msg: "%s", Args: []ir.Expr{shapeOf(a, 0)}, Pos: at(2, 5)}}
		}},
		{"view of another element type", "want an array of float64", func(b *fnBuilder) []ir.Stmt {
			a, v := b.param("a", f64v), b.local("v", f32v)
			return []ir.Stmt{&ir.View{Dst: v, Src: a, Offset: ir.Int(0), Shape: []ir.Expr{ir.Int(1)}, Strides: []ir.Expr{ir.Int(1)}, Pos: at(2, 5)},
				ret(3, ir.Float(0))}
		}},
		{"np_sum of ints", "want a float or complex array", func(b *fnBuilder) []ir.Stmt {
			a := b.param("a", i64v)
			return []ir.Stmt{ret(2, ir.Conv(in("np_sum", ir.Int64, ref(a)), ir.Float64))}
		}},
	}
	for _, c := range cases {
		b := newFn("f", "", 1, ir.Float64)
		fn := b.body(true, c.build(b)...)
		_, err := File(&ir.Module{File: "bad.py", Funcs: []*ir.Func{fn}}, Config{Package: "bad"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
