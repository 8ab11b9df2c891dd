package verify

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

// fakeKernels is a Python kernel file and fakeMain hand-written Go code
// for it on runtime/harness: the array protocol of verification (npy
// arguments, out_dir, in-place arguments, array and tuple results) is
// tested end to end without waiting for the compiler to support arrays.
const fakeKernels = `import numpy as np

def scale(a: "float64[:]", c: float):
    for i in range(a.shape[0]):
        a[i] *= c

def wrong_scale(a: "float64[:]", c: float):
    for i in range(a.shape[0]):
        a[i] *= c

def running(a: "float64[:]"):
    return np.cumsum(a)

def total(m: "int64[:, :]"):
    return int(m.sum())

def halves(m: "float32[:, :]"):
    return m / np.float32(2), m.shape[0]

def first(a: "float64[:]"):
    return a[0]

def ramp(n: int):
    return np.arange(max(0, min(n, 10)), dtype=np.float64)
`

const fakeMain = `package main

import (
	"fmt"

	"github.com/pyc2go/pyc2go/runtime"
	"github.com/pyc2go/pyc2go/runtime/harness"
)

type f64 = *runtime.Array[float64]

func main() {
	harness.Main("kernels.py", []harness.Func{
		{Name: "scale", Params: []harness.Param{{"a", "float64[:]"}, {"c", "float"}}, Call: func(args []any) (any, error) {
			a, c := args[0].(f64), args[1].(float64)
			for i := 0; i < a.Shape[0]; i++ {
				a.Set(a.At(i)*c, i)
			}
			return nil, nil
		}},
		{Name: "wrong_scale", Params: []harness.Param{{"a", "float64[:]"}, {"c", "float"}}, Call: func(args []any) (any, error) {
			a, c := args[0].(f64), args[1].(float64)
			for i := 0; i < a.Shape[0]-1; i++ { // misses the last element
				a.Set(a.At(i)*c, i)
			}
			return nil, nil
		}},
		{Name: "running", Params: []harness.Param{{"a", "float64[:]"}}, Call: func(args []any) (any, error) {
			a := args[0].(f64)
			r := runtime.Zeros[float64](a.Shape[0])
			s := 0.0
			for i := 0; i < a.Shape[0]; i++ {
				s += a.At(i)
				r.Set(s, i)
			}
			return r, nil
		}},
		{Name: "total", Params: []harness.Param{{"m", "int64[:, :]"}}, Call: func(args []any) (any, error) {
			m := args[0].(*runtime.Array[int64])
			var s int64
			for i := 0; i < m.Shape[0]; i++ {
				for j := 0; j < m.Shape[1]; j++ {
					s += m.At(i, j)
				}
			}
			return s, nil
		}},
		{Name: "halves", Params: []harness.Param{{"m", "float32[:, :]"}}, Call: func(args []any) (any, error) {
			m := args[0].(*runtime.Array[float32])
			r := runtime.Zeros[float32](m.Shape...)
			for i := 0; i < m.Shape[0]; i++ {
				for j := 0; j < m.Shape[1]; j++ {
					r.Set(m.At(i, j)/2, i, j)
				}
			}
			return []any{r, int64(m.Shape[0])}, nil
		}},
		{Name: "first", Params: []harness.Param{{"a", "float64[:]"}}, Call: func(args []any) (any, error) {
			a := args[0].(f64)
			if a.Shape[0] == 0 {
				return nil, runtime.Raise("IndexError", fmt.Sprintf("index 0 is out of bounds for axis 0 with size %d", a.Shape[0]), "kernels.py", 1, "first")
			}
			return a.At(0), nil
		}},
		{Name: "ramp", Params: []harness.Param{{"n", "int"}}, Call: func(args []any) (any, error) {
			n := min(max(args[0].(int64), 0), 10)
			r := runtime.Zeros[float64](int(n))
			for i := range r.Data {
				r.Data[i] = float64(i)
			}
			return r, nil
		}},
	})
}
`

// buildFake builds fakeMain the way driver.Result.Build builds compiled
// kernels: the runtime sources beside it, no module download.
func buildFake(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":        "module fake\n\ngo 1.22\n\nrequire github.com/pyc2go/pyc2go v0.0.0\n\nreplace github.com/pyc2go/pyc2go => ./pyc2go\n",
		"pyc2go/go.mod": "module github.com/pyc2go/pyc2go\n\ngo 1.22\n",
		"main.go":       fakeMain,
	}
	err := fs.WalkDir(runtime.Source, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(runtime.Source, p)
		files["pyc2go/runtime/"+p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "fake")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the fake harness: %v\n%s", err, out)
	}
	return bin
}

// TestArrayProtocol runs verification of array kernels end to end against
// hand-compiled Go: agreeing functions pass (in-place, array, tuple and
// scalar results, exceptions, generated shapes including empty ones) and
// the one that forgets an element of its in-place update fails, naming it.
func TestArrayProtocol(t *testing.T) {
	if _, err := FindPython(""); err != nil {
		t.Fatalf("%v (apt-get install -y python3-numpy)", err)
	}
	bin := buildFake(t)
	kernel := filepath.Join(t.TempDir(), "kernels.py")
	if err := os.WriteFile(kernel, []byte(fakeKernels), 0o644); err != nil {
		t.Fatal(err)
	}
	arr := func(name, dtype string, rank int) refParam {
		typ := dtype + "[" + strings.Repeat(":, ", rank-1) + ":]"
		return refParam{Name: name, Type: typ, Dtype: dtype, Rank: rank}
	}
	float := refParam{Name: "c", Type: "float"}
	sigs := []funcSig{
		{Name: "scale", Params: []refParam{arr("a", "float64", 1), float}, exact: true},
		{Name: "wrong_scale", Params: []refParam{arr("a", "float64", 1), float}, exact: true},
		{Name: "running", Params: []refParam{arr("a", "float64", 1)}, exact: true},
		{Name: "total", Params: []refParam{arr("m", "int64", 2)}, exact: true},
		{Name: "halves", Params: []refParam{arr("m", "float32", 2)}, exact: true},
		{Name: "first", Params: []refParam{arr("a", "float64", 1)}, exact: true},
		{Name: "ramp", Params: []refParam{{Name: "n", Type: "int"}}, exact: true},
	}
	rep, err := run(kernel, sigs, bin, Options{Seed: 1, N: 25})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	for _, f := range rep.Funcs {
		if f.Cases != 25 || f.Skipped != 0 {
			t.Errorf("%s: %d cases, %d skipped", f.Name, f.Cases, f.Skipped)
		}
		switch {
		case f.Name == "wrong_scale":
			if len(f.Failed) == 0 {
				t.Errorf("wrong_scale passes:\n%s", b.String())
			} else if d := f.Failed[0].Detail; !strings.Contains(d, "arg_0.npy: element [") {
				t.Errorf("wrong_scale detail %q does not name the argument and element", d)
			}
		case len(f.Failed) > 0:
			t.Errorf("%s fails:\n%s", f.Name, b.String())
		}
	}
	if t.Failed() || testing.Verbose() {
		t.Log(b.String())
	}
}
