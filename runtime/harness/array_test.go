package harness

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// arrayFuncs are hand-written stand-ins for compiled array kernels.
var arrayFuncs = []Func{
	{Name: "scale", Params: []Param{{"a", "float64[:]"}, {"x", "float"}}, Result: "float64[:]",
		Call: func(args []any) (any, error) {
			a, x := args[0].(*runtime.Array[float64]), args[1].(float64)
			out := a.Copy()
			for i := range out.Data {
				out.Data[i] *= x
			}
			return out, nil
		}},
	{Name: "inc", Params: []Param{{"k", "int"}, {"m", "int64[:, :]"}}, Result: "None",
		Call: func(args []any) (any, error) { // in place: m += k
			k, m := args[0].(int64), args[1].(*runtime.Array[int64])
			for i := 0; i < m.Shape[0]; i++ {
				for j := 0; j < m.Shape[1]; j++ {
					m.Set(m.At(i, j)+k, i, j)
				}
			}
			return nil, nil
		}},
	{Name: "total", Params: []Param{{"a", "float32[:, :, :]"}}, Result: "float32",
		Call: func(args []any) (any, error) { return runtime.SumFloat(args[0].(*runtime.Array[float32])), nil }},
	{Name: "flags", Params: []Param{{"b", "bool[:]"}}, Result: "tuple[bool[:], int]",
		Call: func(args []any) (any, error) {
			b := args[0].(*runtime.Array[bool])
			return []any{b.Transpose(), int64(b.Len())}, nil
		}},
}

func runArrays(stdin string, args ...string) (int, string, string) {
	p := &program{file: "kernels.py", funcs: arrayFuncs}
	var out, errb strings.Builder
	code := p.run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeNpy(t *testing.T, dir, name string, a *runtime.NpyArray) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := runtime.WriteNpyFile(p, a); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseArrayType(t *testing.T) {
	for typ, want := range map[string]arrayType{
		"float64[:]":       {"float64[:]", "<f8", 1},
		"float64[:, :]":    {"float64[:, :]", "<f8", 2},
		"int64[:,:]":       {"int64[:,:]", "<i8", 2},
		"bool[:]":          {"bool[:]", "|b1", 1},
		"float32[:, :, :]": {"float32[:, :, :]", "<f4", 3},
		"complex128[:]":    {"complex128[:]", "<c16", 1},
	} {
		if got, ok := parseArrayType(typ); !ok || got != want {
			t.Errorf("%s: %+v %v", typ, got, ok)
		}
	}
	for _, typ := range []string{"float64", "float64[]", "float64[1]", "str[:]", "float64[:,]", "int"} {
		if _, ok := parseArrayType(typ); ok {
			t.Errorf("%s parsed as an array type", typ)
		}
	}
}

func TestCallArrays(t *testing.T) {
	dir := t.TempDir()
	f64 := writeNpy(t, dir, "f64.npy", &runtime.NpyArray{Shape: []int{3}, Data: []float64{1, -0.5, 1e-5}})
	i64 := writeNpy(t, dir, "i64.npy", &runtime.NpyArray{Shape: []int{2, 2}, Data: []int64{1, 2, 3, 4}})
	i64v := writeNpy(t, dir, "i64v.npy", &runtime.NpyArray{Shape: []int{4}, Data: []int64{1, 2, 3, 4}})
	f32 := writeNpy(t, dir, "f32.npy", &runtime.NpyArray{Shape: []int{1, 2, 2}, Data: []float32{0.1, 0.2, 0.3, 1e8}})
	b := writeNpy(t, dir, "b.npy", &runtime.NpyArray{Shape: []int{2}, Data: []bool{true, false}})
	cases := []struct {
		args       []string
		code       int
		out, errIn string
	}{
		{[]string{"call", "scale", f64, "2"}, 0, "array([ 2.e+00, -1.e+00,  2.e-05])\n", ""},
		{[]string{"call", "inc", "1", i64}, 0, "None\n", ""},
		{[]string{"call", "total", f32}, 0, "100000000.0\n", ""}, // numpy: repr(np.float32(1e8))
		{[]string{"call", "flags", b}, 0, "(array([ True, False]), 2)\n", ""},
		{[]string{"call", "inc", "1", i64v}, 2, "", "argument m: expected int64[:, :] (rank 2), got int64 array of rank 1 from " + i64v + "\n"},
		{[]string{"call", "scale", i64v, "2"}, 2, "", "argument a: expected float64[:] (rank 1), got int64 array of rank 1 from " + i64v + "\n"},
		{[]string{"call", "scale", filepath.Join(dir, "nope.npy"), "2"}, 2, "", "argument a: expected float64[:], cannot read"},
		{[]string{"call", "scale", f64, f64}, 2, "", "argument x:"},
		// List literals read as np.array(text, dtype) would, the same
		// call as the f64 file above.
		{[]string{"call", "scale", "[1.0, -0.5, 1e-5]", "2"}, 0, "array([ 2.e+00, -1.e+00,  2.e-05])\n", ""},
		{[]string{"call", "scale", "[1, -0.5, 1e-5,]", "2"}, 0, "array([ 2.e+00, -1.e+00,  2.e-05])\n", ""},
		{[]string{"call", "scale", "[]", "2"}, 0, "array([], dtype=float64)\n", ""},
		{[]string{"call", "inc", "1", "[[1, 2], [3, 4]]"}, 0, "None\n", ""},
		{[]string{"call", "flags", "[True, False]"}, 0, "(array([ True, False]), 2)\n", ""},
		{[]string{"call", "inc", "1", "[[1, 2], [3]]"}, 2, "", "argument m: expected int64[:, :]: the nested lists are not rectangular"},
		{[]string{"call", "inc", "1", "[[1.5, 2], [3, 4]]"}, 2, "", "argument m: expected int64[:, :]: expected int64, got float 1.5"},
		{[]string{"call", "inc", "1", "[1, 2]"}, 2, "", "needs 2 levels of [ ]"},
		{[]string{"call", "scale", "[1.0, 2.0", "2"}, 2, "", "argument a: expected float64[:]"},
		{[]string{"call", "scale", "[1.0] x", "2"}, 2, "", "unexpected"},
		{[]string{"call", "scale", "1.0, 2.0", "2"}, 2, "", "a list literal such as [1.0, 2.5]"},
	}
	for _, c := range cases {
		code, out, errs := runArrays("", c.args...)
		if code != c.code || out != c.out || !strings.Contains(errs, c.errIn) {
			t.Errorf("%v: got (%d, %q, %q), want (%d, %q, ~%q)", c.args, code, out, errs, c.code, c.out, c.errIn)
		}
	}
}

// TestArrayOutVsNumpy checks result.npy and arg_N.npy with numpy, for call
// --out (with --repeat: in-place effects must be those of one call) and
// for batch out_dir.
func TestArrayOutVsNumpy(t *testing.T) {
	dir := t.TempDir()
	f64 := writeNpy(t, dir, "f64.npy", &runtime.NpyArray{Shape: []int{3}, Data: []float64{1, -0.5, 1e-5}})
	i64 := writeNpy(t, dir, "i64.npy", &runtime.NpyArray{Shape: []int{2, 3}, Data: []int64{1, 2, 3, 4, 5, -6}})
	b := writeNpy(t, dir, "b.npy", &runtime.NpyArray{Shape: []int{3}, Data: []bool{true, false, true}})
	if code, _, errs := runArrays("", "call", "--out", filepath.Join(dir, "o1"), "--repeat", "3", "inc", "10", i64); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runArrays("", "call", "--out", filepath.Join(dir, "o2"), "scale", f64, "-3"); code != 0 {
		t.Fatal(errs)
	}
	req := func(fn string, out string, args ...any) string {
		m := map[string]any{"func": fn, "args": args}
		if out != "" {
			m["out_dir"] = out
		}
		j, _ := json.Marshal(m)
		return string(j) + "\n"
	}
	in := req("flags", filepath.Join(dir, "o3"), map[string]string{"npy": b}) +
		req("inc", filepath.Join(dir, "o4"), "-1", map[string]string{"npy": i64}) +
		req("scale", "", f64, "2") + // a plain string is not an array argument
		req("scale", "", map[string]string{"npy": f64}, map[string]string{"npy": f64}) +
		req("scale", "", map[string]string{"npy": f64}, 0.5)
	code, out, _ := runArrays(in, "batch")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	py := `
import numpy as np, sys, os
d = sys.argv[1]
def check(f, want):
    a = np.load(os.path.join(d, f))
    assert a.dtype == want.dtype and a.shape == want.shape and (a == want).all(), (f, a, want)
i64 = np.array([[1, 2, 3], [4, 5, -6]])
check('o1/arg_1.npy', i64 + 10)
assert not os.path.exists(os.path.join(d, 'o1/arg_0.npy')) and not os.path.exists(os.path.join(d, 'o1/result.npy'))
f64 = np.array([1, -0.5, 1e-5])
check('o2/result.npy', f64 * -3)
check('o2/arg_0.npy', f64)
check('o3/result_0.npy', np.array([True, False, True]))
check('o3/result_1.npy', np.int64(3))
check('o3/arg_0.npy', np.array([True, False, True]))
check('o4/arg_1.npy', i64 - 1)
print(repr(f64 * 0.5))
`
	res, err := exec.Command("/usr/bin/python3", "-c", py, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, res)
	}
	want := []string{
		`{"repr":"(array([ True, False,  True]), 3)","exc":null}`,
		`{"repr":"None","exc":null}`,
		`expected {\"npy\": PATH} for float64[:]`,
		`expected a literal for float`,
		`{"repr":` + jsonString(strings.TrimSpace(string(res))) + `,"exc":null}`,
	}
	if code != 0 || len(lines) != len(want) {
		t.Fatalf("batch: %d\n%s", code, out)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("batch line %d: %s, want ~%s", i, lines[i], w)
		}
	}
}

func jsonString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}
