package harness

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyc2go/pyc2go/runtime"
)

func gcd(a, b int64) (int64, error) {
	if b == 0 && a == 0 {
		return 0, runtime.Raise(runtime.ZeroDivisionError, "division by zero", "kernels.py", 3, "gcd")
	}
	return runtime.Gcd(a, b), nil
}

var testFuncs = []Func{
	{Name: "gcd", Params: []Param{{"a", "int"}, {"b", "int"}}, Result: "int",
		Call: func(args []any) (any, error) { return gcd(args[0].(int64), args[1].(int64)) }},
	{Name: "half", Params: []Param{{"x", "float"}}, Result: "float",
		Call: func(args []any) (any, error) { return args[0].(float64) / 2, nil }},
	{Name: "pair", Params: []Param{{"x", "int"}, {"z", "complex"}, {"f", "float32"}}, Result: "tuple[int, complex, float32]",
		Call: func(args []any) (any, error) { return []any{args[0], args[1], args[2]}, nil }},
	{Name: "one", Params: nil, Result: "tuple[bool]",
		Call: func(args []any) (any, error) { return []any{true}, nil }},
	{Name: "none", Params: nil, Result: "None",
		Call: func(args []any) (any, error) { return nil, nil }},
	{Name: "boom", Params: nil, Result: "int",
		Call: func(args []any) (any, error) { var s []int; return s[3], nil }},
}

func runIt(stdin string, args ...string) (int, string, string) {
	p := &program{file: "kernels.py", funcs: testFuncs}
	var out, errb bytes.Buffer
	code := p.run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCall(t *testing.T) {
	cases := []struct {
		args       []string
		code       int
		out, errIn string
	}{
		{[]string{"call", "gcd", "--", "-12", "18"}, 0, "6\n", ""},
		{[]string{"call", "gcd", "-12", "18"}, 0, "6\n", ""},
		{[]string{"call", "gcd", "True", "0x1F"}, 0, "1\n", ""},
		{[]string{"call", "gcd", "0", "0"}, 3, "", "ZeroDivisionError: division by zero\n"},
		{[]string{"call", "gcd", "2.5", "1"}, 2, "", "argument a: expected int, got float 2.5"},
		{[]string{"call", "gcd", "1"}, 2, "", "takes 2 arguments"},
		{[]string{"call", "nope"}, 2, "", "no compiled function"},
		{[]string{"call", "half", "3"}, 0, "1.5\n", ""},
		{[]string{"call", "half", "1e-9"}, 0, "5e-10\n", ""},
		{[]string{"call", "pair", "1", "2", "0.1"}, 0, "(1, (2+0j), 0.1)\n", ""},
		{[]string{"call", "pair", "1", "-2j", "1e20"}, 0, "(1, (-0-2j), 1e+20)\n", ""},
		{[]string{"call", "one"}, 0, "(True,)\n", ""},
		{[]string{"call", "none"}, 0, "None\n", ""},
		{[]string{"call", "boom"}, 4, "", "GoPanic: runtime error: index out of range"},
		{[]string{"call", "--repeat", "x", "none"}, 2, "", "--repeat"},
		{[]string{"frob"}, 2, "", "unknown mode"},
	}
	for _, c := range cases {
		code, out, errs := runIt("", c.args...)
		if code != c.code || out != c.out || !strings.Contains(errs, c.errIn) {
			t.Errorf("%v: got (%d, %q, %q), want (%d, %q, ~%q)", c.args, code, out, errs, c.code, c.out, c.errIn)
		}
	}
}

func TestCallJSON(t *testing.T) {
	code, out, _ := runIt("", "call", "--json", "--repeat", "3", "gcd", "0", "0")
	var r struct {
		Result    *string
		Exception *struct{ Type, Message string }
		Seconds   []float64
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 3 || r.Result != nil ||
		r.Exception == nil || r.Exception.Type != "ZeroDivisionError" || len(r.Seconds) != 1 {
		t.Fatalf("got %d %q %v", code, out, err)
	}
	code, out, _ = runIt("", "call", "--json", "--repeat=3", "gcd", "4", "6")
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 0 || *r.Result != "2" || r.Exception != nil || len(r.Seconds) != 3 {
		t.Fatalf("got %d %q %v", code, out, err)
	}
}

func TestBatch(t *testing.T) {
	in := `{"func": "gcd", "args": ["-12", "18"]}
{"func": "gcd", "args": ["0", "0"]}
{"func": "boom", "args": []}
{"func": "gcd", "args": [4, "x"]}
not json
{"func": "half", "args": ["float('-inf')"]}
`
	code, out, _ := runIt(in, "batch")
	want := `{"repr":"6","exc":null}
{"repr":null,"exc":{"type":"ZeroDivisionError","message":"division by zero"}}
{"repr":null,"exc":{"type":"GoPanic","message":"runtime error: index out of range [3] with length 0"}}
`
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || !strings.HasPrefix(out, want) || len(lines) != 6 ||
		!strings.Contains(lines[3], "HarnessError") || !strings.Contains(lines[4], "HarnessError") || lines[5] != `{"repr":"-inf","exc":null}` {
		t.Fatalf("got %d:\n%s", code, out)
	}
}

func TestList(t *testing.T) {
	code, out, _ := runIt("", "list")
	var fs []Func
	if err := json.Unmarshal([]byte(out), &fs); err != nil || code != 0 || len(fs) != len(testFuncs) ||
		fs[2].Params[1].Type != "complex" || fs[0].Result != "int" {
		t.Fatalf("got %d %s %v", code, out, err)
	}
}

// TestOutNpy checks --out files by loading them with numpy.
func TestOutNpy(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runIt("", "call", "--out", dir, "pair", "7", "1+2j", "0.1"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runIt("", "call", "--out", filepath.Join(dir, "h"), "half", "-0.0"); code != 0 {
		t.Fatal(errs)
	}
	py := `
import numpy as np, sys
d = sys.argv[1]
for f, want in [('result_0.npy', np.int64(7)), ('result_1.npy', np.complex128(1+2j)), ('result_2.npy', np.float32(0.1)), ('h/result.npy', np.float64(-0.0))]:
    a = np.load(d + '/' + f)
    assert a.shape == () and a.dtype == want.dtype and repr(a[()]) == repr(want) and np.signbit(a.real) == np.signbit(want.real), (f, a, a.dtype)
print('ok')
`
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Fatal("/usr/bin/python3 missing: apt-get install -y python3-numpy")
	}
	out, err := exec.Command("/usr/bin/python3", "-c", py, dir).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ok" {
		if strings.Contains(string(out), "No module named 'numpy'") {
			t.Fatal("numpy missing: apt-get install -y python3-numpy")
		}
		t.Fatalf("%v: %s", err, out)
	}
}
