package verify

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// TestAgreeArrays pins the array comparison on small .npy files written
// and read back, as the two sides of a verification exchange them.
func TestAgreeArrays(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	negNaN := math.Float64frombits(math.Float64bits(nan) | 1<<63)
	f8 := func(shape []int, v ...float64) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "<f8", Shape: shape, Data: v}
	}
	f4 := func(shape []int, v ...float32) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "<f4", Shape: shape, Data: v}
	}
	i8 := func(shape []int, v ...int64) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "<i8", Shape: shape, Data: v}
	}
	c16 := func(shape []int, v ...complex128) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "<c16", Shape: shape, Data: v}
	}
	b1 := func(shape []int, v ...bool) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "|b1", Shape: shape, Data: v}
	}
	tests := []struct {
		name      string
		ref, got  *runtime.NpyArray
		exact, ok bool
		detail    string // part of the detail of a failure
	}{
		{"same floats", f8([]int{2, 2}, 1, 2, 3, 4), f8([]int{2, 2}, 1, 2, 3, 4), true, true, ""},
		{"nan agrees with nan", f8([]int{2}, nan, 1), f8([]int{2}, negNaN, 1), true, true, ""},
		{"signed zero is a difference", f8([]int{2}, 0, 1), f8([]int{2}, math.Copysign(0, -1), 1), true, false, "element [0]"},
		{"signed zero even when inexact", f8([]int{1}, 0), f8([]int{1}, math.Copysign(0, -1)), false, true, ""},
		{"last bit when exact", f8([]int{1, 2}, 1, 0.30000000000000004), f8([]int{1, 2}, 1, 0.3), true, false, "element [0, 1]"},
		{"last bit within tolerance", f8([]int{1, 2}, 1, 0.30000000000000004), f8([]int{1, 2}, 1, 0.3), false, true, ""},
		{"beyond tolerance", f8([]int{1}, 1), f8([]int{1}, 1.00001), false, false, "python 1, compiled 1.00001"},
		{"inf is never close", f8([]int{1}, inf), f8([]int{1}, math.MaxFloat64), false, false, ""},
		{"nan is not a number", f8([]int{1}, nan), f8([]int{1}, 0), false, false, ""},
		{"other shape, same data", f8([]int{2, 2}, 1, 2, 3, 4), f8([]int{4}, 1, 2, 3, 4), true, false, "shape: python (2, 2), compiled (4,)"},
		{"transposed shape", f8([]int{2, 3}, 1, 2, 3, 4, 5, 6), f8([]int{3, 2}, 1, 2, 3, 4, 5, 6), true, false, "shape"},
		{"other dtype, same values", f8([]int{2}, 1, 2), f4([]int{2}, 1, 2), false, false, "dtype: python float64, compiled float32"},
		{"int vs float", i8([]int{1}, 1), f8([]int{1}, 1), false, false, "dtype"},
		{"empty arrays", f8([]int{0, 3}), f8([]int{0, 3}), true, true, ""},
		{"empty of other shape", f8([]int{0, 3}), f8([]int{3, 0}), true, false, "shape"},
		{"0-d", f8([]int{}, 2.5), f8([]int{}, 2.5), true, true, ""},
		{"0-d vs 1-d", f8([]int{}, 2.5), f8([]int{1}, 2.5), true, false, "shape: python (), compiled (1,)"},
		{"ints", i8([]int{3}, 1, -2, math.MaxInt64), i8([]int{3}, 1, -2, math.MaxInt64), true, true, ""},
		{"ints never use tolerance", i8([]int{3}, 1, -2, math.MaxInt64), i8([]int{3}, 1, -2, math.MaxInt64-1), false, false, "element [2]"},
		{"float32 last bit when exact", f4([]int{1}, 1), f4([]int{1}, math.Nextafter32(1, 2)), true, false, ""},
		{"float32 ulps within Tolerance32", f4([]int{1}, 1), f4([]int{1}, math.Nextafter32(1, 2)), false, true, ""},
		{"float32 beyond Tolerance32", f4([]int{1}, 1), f4([]int{1}, 1.0001), false, false, ""},
		{"bools", b1([]int{2}, true, false), b1([]int{2}, true, false), true, true, ""},
		{"bools differ", b1([]int{2}, true, false), b1([]int{2}, true, true), true, false, "element [1]"},
		{"complex exact", c16([]int{1}, 1+2i), c16([]int{1}, 1+2i), true, true, ""},
		{"complex part differs", c16([]int{1}, 1+2i), c16([]int{1}, 1+2.0000000000000004i), true, false, ""},
		{"complex norm-wise", c16([]int{1}, complex(-1.6081226496766419, 1.0000000000000034e+16)), c16([]int{1}, complex(0.6123233995736779, 1.0000000000000034e+16)), false, true, ""},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		ref := filepath.Join(dir, "ref.npy")
		got := filepath.Join(dir, "got.npy")
		if err := runtime.WriteNpyFile(ref, tt.ref); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if err := runtime.WriteNpyFile(got, tt.got); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_, detail, ok := agreeNpyFiles(ref, got, tt.exact)
		if ok != tt.ok {
			t.Errorf("%d %s: agree = %v (%s), want %v", i, tt.name, ok, detail, tt.ok)
		}
		if !ok && !strings.Contains(detail, tt.detail) {
			t.Errorf("%d %s: detail %q does not mention %q", i, tt.name, detail, tt.detail)
		}
	}
	if _, detail, ok := agreeNpyFiles(filepath.Join(dir, "ref.npy"), filepath.Join(dir, "missing.npy"), true); ok || !strings.Contains(detail, "compiled") {
		t.Errorf("a missing compiled file agrees (%q)", detail)
	}
}

// TestAgreeCase checks which files a case compares: result files when the
// reference result holds an array, the repr otherwise, and every array
// argument after the call.
func TestAgreeCase(t *testing.T) {
	dir := t.TempDir()
	py, gd := filepath.Join(dir, "case_0", "py"), filepath.Join(dir, "case_0", "go")
	for _, d := range []string{py, gd} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(d, name string, a *runtime.NpyArray) {
		t.Helper()
		if err := runtime.WriteNpyFile(filepath.Join(d, name), a); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(d, name string) { os.Remove(filepath.Join(d, name)) }
	vec := func(v ...float64) *runtime.NpyArray {
		return &runtime.NpyArray{Dtype: "<f8", Shape: []int{len(v)}, Data: v}
	}
	repr := func(s string) Outcome { return Outcome{Repr: &s} }
	c := &refCase{Func: "f", OutDir: py}

	// An in-place kernel: None, and argument 0 mutated.
	c.Outcome, c.Files = repr("None"), []string{"arg_0.npy"}
	write(py, "arg_0.npy", vec(2, 4))
	write(gd, "arg_0.npy", vec(2, 4))
	if _, d, ok := agreeCase(c, repr("None"), true); !ok {
		t.Errorf("same mutation: %s", d)
	}
	write(gd, "arg_0.npy", vec(1, 2)) // compiled side forgot to mutate
	if _, d, ok := agreeCase(c, repr("None"), true); ok || !strings.Contains(d, "arg_0.npy: element [0]") {
		t.Errorf("missed mutation agrees (%q)", d)
	}
	write(gd, "arg_0.npy", vec(2, 4))
	if _, _, ok := agreeCase(c, repr("array([2., 4.])"), true); ok {
		t.Error("an array result where python returns None agrees")
	}

	// A scalar result of an array kernel: its repr decides, the 0-d
	// result.npy the harness writes for it is not compared.
	c.Outcome = repr("6.0")
	write(gd, "result.npy", &runtime.NpyArray{Dtype: "<f8", Shape: []int{}, Data: []float64{6}})
	if _, d, ok := agreeCase(c, repr("6.0"), true); !ok {
		t.Errorf("scalar result: %s", d)
	}
	if _, _, ok := agreeCase(c, repr("6"), true); ok {
		t.Error("another scalar repr agrees")
	}

	// An array result: the files decide, not the reprs, which numpy and
	// the runtime may format differently.
	c.Outcome, c.Files = repr("array([1., 2.])"), []string{"result.npy", "arg_0.npy"}
	write(py, "result.npy", vec(1, 2))
	write(gd, "result.npy", vec(1, 2))
	if _, d, ok := agreeCase(c, repr("[1. 2.]"), true); !ok {
		t.Errorf("array result: %s", d)
	}
	write(gd, "result.npy", vec(1, 3))
	if _, d, ok := agreeCase(c, repr("[1. 3.]"), true); ok || !strings.Contains(d, "result.npy") {
		t.Errorf("different array result agrees (%q)", d)
	}
	// A tuple where python returns one array: other result files.
	remove(gd, "result.npy")
	write(gd, "result_0.npy", vec(1, 2))
	write(gd, "result_1.npy", vec(1, 2))
	if _, d, ok := agreeCase(c, repr("(...)"), true); ok || !strings.Contains(d, "result files") {
		t.Errorf("tuple for an array agrees (%q)", d)
	}
	// A tuple on both sides.
	c.Files = []string{"result_0.npy", "result_1.npy", "arg_0.npy"}
	write(py, "result_0.npy", vec(1, 2))
	write(py, "result_1.npy", vec(1, 2))
	if _, d, ok := agreeCase(c, repr("(...)"), true); !ok {
		t.Errorf("tuple result: %s", d)
	}
	// An exception on one side only.
	exc := Outcome{Exc: &PyExcept{Type: "IndexError", Message: "index 5 is out of bounds for axis 0 with size 5"}}
	if _, _, ok := agreeCase(c, exc, true); ok {
		t.Error("an exception agrees with an array result")
	}
	c.Outcome, c.Files = exc, nil
	if _, _, ok := agreeCase(c, exc, true); !ok {
		t.Error("the same exception disagrees")
	}
}

func TestCasesFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"linalg.py", "linalg_cases.py", "type_cases.py"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := CasesFile(filepath.Join(dir, "linalg.py")); got != filepath.Join(dir, "linalg_cases.py") {
		t.Errorf("CasesFile(linalg.py) = %q", got)
	}
	if got := CasesFile(filepath.Join(dir, "type_cases.py")); got != "" {
		t.Errorf("CasesFile(type_cases.py) = %q, want none", got)
	}
	if !IsCasesFile(filepath.Join(dir, "linalg_cases.py")) {
		t.Error("linalg_cases.py beside linalg.py is not a cases file")
	}
	// A kernel file that merely ends in _cases.py (testdata/py/scalar has
	// one) stays a kernel.
	if IsCasesFile(filepath.Join(dir, "type_cases.py")) {
		t.Error("type_cases.py without type.py is a cases file")
	}
}
