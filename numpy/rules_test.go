package numpy

import (
	"fmt"
	"testing"

	"github.com/pyc2go/pyc2go/ir"
)

// fakeEnv answers a rule's questions from a table, as a test can without
// a parser; errors are collected.
type fakeEnv struct {
	consts map[string]int64
	strs   map[string]string // string literal arguments (np.linalg's)
	bools  map[string]bool   // constant bool arguments
	errs   []string
}

func (f *fakeEnv) Errorf(i int, format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf("%d: ", i)+fmt.Sprintf(format, args...))
}
func (f *fakeEnv) OptErrorf(name string, format string, args ...any) {
	f.errs = append(f.errs, name+": "+fmt.Sprintf(format, args...))
}
func (f *fakeEnv) ConstInts(int) ([]int64, []bool) { return nil, nil }
func (f *fakeEnv) OptConstInt(name string) (int64, bool) {
	v, ok := f.consts[name]
	return v, ok
}
func (f *fakeEnv) OptNone(string) bool { return false }
func (f *fakeEnv) OptString(name string) (string, bool) {
	v, ok := f.strs[name]
	return v, ok
}
func (f *fakeEnv) OptBool(name string) (bool, bool) {
	v, ok := f.bools[name]
	return v, ok
}
func (f *fakeEnv) OptConstInts(name string) ([]int64, []bool) {
	if v, ok := f.consts[name]; ok {
		return []int64{v}, []bool{true}
	}
	return nil, nil
}
func (f *fakeEnv) OptConstFloat(string) (float64, bool) { return 0, false }
func (f *fakeEnv) Elementwise(op string, i, j int, l, r ir.Type) ir.Type {
	return nil
}
func (f *fakeEnv) Join(a, b ir.Type) (ir.Type, bool) { return a, a == b }

// TestReduceRule runs the reductions' type rule on types alone.
func TestReduceRule(t *testing.T) {
	m := &ir.Array{Elem: ir.Int32, Rank: 2}
	tests := []struct {
		name string
		axis int64 // -99: none
		want string
		err  string
	}{
		{"sum", -99, "int64", ""},
		{"sum", 1, "int64[::1]", ""},
		{"mean", -1, "float64[::1]", ""},
		{"cumsum", -99, "int64[::1]", ""},
		{"cumsum", 0, "int64[:, ::1]", ""},
		{"max", 2, "", "axis: axis 2 is out of bounds for array of dimension 2"},
	}
	for _, tt := range tests {
		env := &fakeEnv{consts: map[string]int64{}}
		c := &Call{Row: Lookup(tt.name), Disp: "np." + tt.name, Args: []ir.Type{m}, Opts: map[string]ir.Type{}, Env: env}
		if tt.axis != -99 {
			c.Opts["axis"] = ir.Int64
			env.consts["axis"] = tt.axis
		}
		got := c.Row.TypeOf(c)
		if tt.err != "" {
			if len(env.errs) != 1 || env.errs[0] != tt.err {
				t.Errorf("%s(axis=%d): errors %q, want %q", tt.name, tt.axis, env.errs, tt.err)
			}
			continue
		}
		if got == nil || got.String() != tt.want || len(env.errs) > 0 {
			t.Errorf("%s(axis=%d) = %v (errors %q), want %s", tt.name, tt.axis, got, env.errs, tt.want)
		}
	}
	// complex operands of np.min are not supported yet.
	env := &fakeEnv{}
	c := &Call{Row: Lookup("min"), Disp: "np.min", Args: []ir.Type{&ir.Array{Elem: ir.Complex128, Rank: 1}}, Env: env}
	if c.Row.TypeOf(c) != nil || len(env.errs) != 1 {
		t.Errorf("np.min of complex: errors %q, want one", env.errs)
	}
}
