package numpy

import (
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// TestLinalgRules runs np.linalg's type rules on types alone: numpy's
// dtypes (_commonType) and the result shapes of the tuple results.
func TestLinalgRules(t *testing.T) {
	m := func(k ir.Scalar, r int) *ir.Array { return &ir.Array{Elem: k, Rank: r} }
	tests := []struct {
		name  string
		args  []ir.Type
		opts  map[string]ir.Type
		strs  map[string]string
		bools map[string]bool
		want  string // the result type, or the first error
	}{
		{name: "solve", args: []ir.Type{m(ir.Int64, 2), m(ir.Float32, 1)}, want: "float64[::1]"},
		{name: "solve", args: []ir.Type{m(ir.Float32, 2), m(ir.Float32, 2)}, want: "float32[:, ::1]"},
		{name: "solve", args: []ir.Type{m(ir.Float64, 3), m(ir.Complex128, 2)}, want: "complex128[:, ::1]"},
		{name: "solve", args: []ir.Type{m(ir.Float64, 1), m(ir.Float64, 1)}, want: "0: 1-dimensional array given. Array must be at least two-dimensional"},
		{name: "det", args: []ir.Type{m(ir.Int32, 2)}, want: "float64"},
		{name: "det", args: []ir.Type{m(ir.Float32, 3)}, want: "float32[::1]"},
		{name: "inv", args: []ir.Type{m(ir.Complex64, 2)}, want: "0: unsupported: np.linalg.inv() of a complex64 array (not supported yet); convert it with .astype(np.complex128)"},
		{name: "slogdet", args: []ir.Type{m(ir.Complex128, 2)}, want: "(complex128, float64)"},
		{name: "eig", args: []ir.Type{m(ir.Float32, 2)}, want: "(complex64[::1], complex64[:, ::1])"},
		{name: "eigh", args: []ir.Type{m(ir.Float64, 2)}, strs: map[string]string{"UPLO": "X"},
			want: "UPLO: UPLO argument must be 'L' or 'U' (a constant string)"},
		{name: "svd", args: []ir.Type{m(ir.Float64, 2)}, opts: map[string]ir.Type{"compute_uv": ir.Bool}, bools: map[string]bool{"compute_uv": false}, want: "float64[::1]"},
		{name: "svd", args: []ir.Type{m(ir.Float64, 2)}, want: "(float64[:, ::1], float64[::1], float64[:, ::1])"},
		{name: "qr", args: []ir.Type{m(ir.Float64, 2)}, strs: map[string]string{"mode": "raw"}, want: "(float64[:, ::1], float64[::1])"},
		{name: "qr", args: []ir.Type{m(ir.Float64, 2)}, strs: map[string]string{"mode": "economic"}, want: "mode: Unrecognized mode 'economic'"},
		{name: "lstsq", args: []ir.Type{m(ir.Float64, 2), m(ir.Float64, 1)}, opts: map[string]ir.Type{"rcond": ir.None}, want: "(float64[::1], float64[::1], int32, float64[::1])"},
		{name: "matrix_rank", args: []ir.Type{m(ir.Float64, 2)}, want: "int64"},
		{name: "matrix_power", args: []ir.Type{m(ir.Float64, 2), ir.Int64}, want: "float64[:, ::1]"},
		{name: "norm", args: []ir.Type{m(ir.Complex128, 3)}, want: "float64"},
		{name: "norm", args: []ir.Type{m(ir.Float32, 2)}, opts: map[string]ir.Type{"keepdims": ir.Bool}, bools: map[string]bool{"keepdims": true}, want: "float32[:, ::1]"},
	}
	for _, tt := range tests {
		env := &fakeEnv{consts: map[string]int64{}, strs: tt.strs, bools: tt.bools}
		opts := tt.opts
		if opts == nil {
			opts = map[string]ir.Type{}
		}
		r := Lookup("linalg." + tt.name)
		if r == nil {
			t.Fatalf("no row linalg.%s", tt.name)
		}
		c := &Call{Row: r, Disp: "np.linalg." + tt.name, Args: tt.args, Opts: opts, Env: env}
		got := ""
		if ty := r.TypeOf(c); ty != nil {
			got = ty.String()
		} else if len(env.errs) > 0 {
			got = env.errs[0]
		}
		if got != tt.want {
			t.Errorf("np.linalg.%s%v = %q, want %q", tt.name, tt.args, got, tt.want)
		}
	}
}
