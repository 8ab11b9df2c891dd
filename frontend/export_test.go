package frontend

import (
	"fmt"
	"strings"
	"testing"
)

func TestPythranExports(t *testing.T) {
	src := "#pythran export f(float64[:,:], int)\n" +
		"#pythran export f(float32[:,:] order(F), int), g()\n" +
		"# pythran export h(int, (int, float))  # trailing\n" +
		"#pythranexport nope(int)\n" +
		"import numpy as np\n" +
		"def f(a, n):\n" +
		"    \"\"\"\n#pythran export zz(int)\n\"\"\"\n" +
		"    return n\n"
	f, err := ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range f.Exports {
		var ps []string
		for _, p := range e.Params {
			ps = append(ps, fmt.Sprintf("%q@%s", p.Text, p.Pos))
		}
		got = append(got, fmt.Sprintf("%s@%s(%s)", e.Func, e.Pos, strings.Join(ps, " ")))
	}
	want := []string{
		`f@1:17("float64[:,:]"@1:19 "int"@1:33)`,
		`f@2:17("float32[:,:] order(F)"@2:19 "int"@2:42)`,
		`g@2:48()`,
		`h@3:18("int"@3:20 "(int, float)"@3:25)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("exports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPythranExportErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"#pythran export f(int\n", "1:22: syntax error in pythran export: missing ')'"},
		{"#pythran export\n", "1:16: syntax error in pythran export: expected a function name"},
		{"#pythran export f(int,)\n", "1:23: syntax error in pythran export: empty parameter type"},
		{"#pythran export f(int) g(int)\n", "1:24: syntax error in pythran export: expected ','"},
		{"#pythran export capsule f(int)\n", "1:17: unsupported in pythran export: 'capsule'"},
		{"#pythran export n\n", "1:17: unsupported in pythran export: 'n' without a signature"},
		{"def f(x: int) -> int:\n    #pythran export f(int)\n    return x\n", "2:5: unsupported: indented pythran export"},
	} {
		_, err := ParseFile("t.py", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want prefix %q", tc.src, err, tc.want)
		}
	}
}
