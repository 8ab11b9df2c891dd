package naming

import (
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

func TestGo(t *testing.T) {
	for py, want := range map[string]string{
		"dot_product": "DotProduct", "dotProduct": "DotProduct", "gcd": "GCD", "TWO_PI": "TwoPi",
		"DEFAULT_ALPHA": "DefaultAlpha", "MAX_RMS": "MaxRMS", "N": "N", "RK4_STEPS": "RK4Steps",
		"ewma": "EWMA", "ewma_step": "EWMAStep", "rms": "RMS", "user_id": "UserID",
		"compute_RMS": "ComputeRMS", "parse_Url": "ParseURL", "is_nan": "IsNaN",
		"laplacian_2d": "Laplacian2D", "l2": "L2", "float32_sum": "Float32Sum", "getId": "GetId",
		"_helper": "helper", "_my_helper": "myHelper", "_EWMA_step": "ewmaStep", "_ewma": "ewma",
		"_MAX_N": "maxN", "_url_for": "urlFor", "x_": "X", "a__b": "AB", "_len": "len_",
		"_func": "func_", "_init": "init_", "_fmt": "fmt_", "_": "x_", "__": "x_", "été": "Été",
	} {
		if got := Go(py); got != want {
			t.Errorf("Go(%q) = %q, want %q", py, got, want)
		}
	}
}

func TestGoLocal(t *testing.T) {
	for py, want := range map[string]string{
		"u_prev": "uPrev", "n_terms": "nTerms", "i_1": "i1", "xm_m1": "xmM1", "i0_2": "i0_2",
		"x": "x", "_tmp": "tmp", "lambda_": "lambda", "a__b": "aB", "_": "_", "___": "___",
		"max_iter": "maxIter", "dx2_dt": "dx2Dt", "x_é": "xÉ", "_1": "_1", "__x1_": "x1",
		"user_id": "userID", "id": "id", "x_rms": "xRMS", "grid_2d": "grid2D", "URL_base": "URLBase",
	} {
		if got := GoLocal(py); got != want {
			t.Errorf("GoLocal(%q) = %q, want %q", py, got, want)
		}
	}
}

// TestModuleOverloads checks that the signatures sharing a Python name are
// named by the parameter types that differ among them.
func TestModuleOverloads(t *testing.T) {
	arr := func(e ir.Scalar, rank int) *ir.Array { return &ir.Array{Elem: e, Rank: rank} }
	fn := func(name, py string, types ...ir.Type) *ir.Func {
		f := &ir.Func{Name: name, PyName: py}
		for _, t := range types {
			f.Params = append(f.Params, &ir.Var{Name: "p", Type: t})
		}
		return f
	}
	m := &ir.Module{Consts: []*ir.Const{{Name: "DEFAULT_ALPHA"}}, Funcs: []*ir.Func{
		fn("l2", "l2", arr(ir.Float64, 1)),
		fn("l2_2", "l2", arr(ir.Float32, 1)),
		fn("scale", "scale", arr(ir.Float64, 2), ir.Float64),
		fn("scale_2", "scale", arr(ir.Float64, 1), ir.Float64),
		fn("scale_3", "scale", arr(ir.Int64, 1), ir.Int64),
		fn("_newton", "newton", ir.Float64),
		fn("_newton_2", "newton", ir.Int64),
		fn("clip", "clip", ir.Float64),
		fn("clip_2", "clip", ir.Float64, ir.Float64),
		fn("clip_3", "clip", ir.Float64, ir.Float64, ir.Float64),
		fn("same", "same", arr(ir.Float64, 1)),
		fn("same_2", "same", &ir.Array{Elem: ir.Float64, Rank: 1, Contig: true}),
		fn("_h", "_h", ir.Float64),
		fn("_h_2", "_h", ir.Int64),
		fn("mean", "mean", arr(ir.Float64, 1), arr(ir.Float64, 1)),
		fn("mean_2", "mean", arr(ir.Float32, 1), arr(ir.Float32, 1)),
	}}
	n := NewModule(m)
	var got []string
	for _, f := range m.Funcs {
		got = append(got, n.Funcs[f])
	}
	want := []string{"L2", "L2Float32", "Scale", "Scale1DFloat64", "Scale1DInt64", "newton", "newtonInt64", "Clip", "Clip2", "Clip3", "Same", "Same2", "h", "hInt64", "Mean", "MeanFloat32"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("func %s: got %s, want %s", m.Funcs[i].Name, got[i], want[i])
		}
	}
	if c := n.Consts[m.Consts[0]]; c != "DefaultAlpha" {
		t.Errorf("DEFAULT_ALPHA: got %s, want DefaultAlpha", c)
	}
}

func TestCModule(t *testing.T) {
	for file, want := range map[string]string{
		"my-kernels.py": "my_kernels", "dir/Basics.py": "basics", "1x.py": "_x", "-.py": "_",
	} {
		if got := CModule(file); got != want {
			t.Errorf("CModule(%q) = %q, want %q", file, got, want)
		}
	}
}
