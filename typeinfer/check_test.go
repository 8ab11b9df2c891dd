package typeinfer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/frontend"
)

func mustCheck(t *testing.T, src string) *Info {
	t.Helper()
	f, err := frontend.ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatalf("frontend:\n%s", err.(frontend.ErrorList).Render("t.py", []byte(src)))
	}
	info, err := Check(f)
	if err != nil {
		t.Fatalf("Check:\n%s", err.(frontend.ErrorList).Render("t.py", []byte(src)))
	}
	checkComplete(t, info)
	return info
}

func checkErrors(t *testing.T, src string) string {
	t.Helper()
	f, err := frontend.ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatalf("frontend:\n%s", err.(frontend.ErrorList).Render("t.py", []byte(src)))
	}
	_, err = Check(f)
	if err == nil {
		return ""
	}
	var b strings.Builder
	for _, e := range err.(frontend.ErrorList) {
		fmt.Fprintf(&b, "%s: %s\n", e.Pos, e.Msg)
	}
	return b.String()
}

func TestTypes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"gcd", `
def gcd(a: int, b: int) -> int:
    while b != 0:
        t = b
        b = a % b
        a = t
    return a
`, "gcd(a int64, b int64) int64; locals: t int64"},
		{"widening local", `
def f(n: int):
    x = 0
    for i in range(n):
        x += i
    x = x / 2
    return x
`, "f(n int64) float64; locals: x float64, i int64"},
		{"declared float result widens int returns", `
def f(n: int) -> float:
    if n > 0:
        return 1
    return 2.5
`, "f(n int64) float64"},
		{"inferred result unifies by the tower", `
def f(n: int):
    if n > 0:
        return 1
    return 2.5
`, "f(n int64) float64"},
		{"tuple locals", `
def f(a: int, b: int):
    t = divmod(a, b)
    q, r = t
    s = t[0] + t[-1]
    return q, r, s
`, "f(a int64, b int64) (int64, int64, int64); locals: t (int64, int64), q int64, r int64, s int64"},
		{"swap unpacking", `
def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
`, "fib(n int64) int64; locals: a int64, b int64, _ int64"},
		{"recursion and calls before definition", `
def f(n: int):
    return g(n) * 2

def g(n: int):
    if n <= 0:
        return 0.5
    return g(n - 1) + 1
`, "f(n int64) float64\ng(n int64) float64"},
		{"mutual recursion without annotations", `
def even(n: int):
    if n == 0:
        return True
    return odd(n - 1)

def odd(n: int):
    if n == 0:
        return False
    return even(n - 1)
`, "even(n int64) bool\nodd(n int64) bool"},
		{"no return is None", `
def f(x: float):
    assert x > 0.0, "positive"

def g(x: float) -> None:
    f(x)
    return
`, "f(x float64) None\ng(x float64) None"},
		{"annotated locals convert", `
import numpy as np

def f(n: int, a: np.float32) -> float:
    s: float = 0
    acc: np.float32 = a
    flag: bool
    flag = n > 0
    for k in range(n):
        s += k
    return s
`, "f(n int64, a float32) float64; locals: s float64, acc float32, flag bool, k int64"},
		{"string annotations", `
def f(a: "float32", b: "np.int32", c: "complex") -> "float32":
    return a
`, "f(a float32, b int32, c complex128) float32"},
		{"numpy promotion", `
import numpy as np

def f(a: np.float32, b: np.int32, c: np.uint64, d: np.uint8):
    return a + 1.0, a * a, b + 1, c + 1, d + d, b / b, a + d
`, "f(a float32, b int32, c uint64, d uint8) (float64, float32, int64, float64, uint8, float64, float32)"},
		{"numpy calls", `
import numpy as np
from numpy import float32

def f(x: float, i: int):
    return np.float32(x), float32(i), np.sqrt(np.float32(x)), np.sqrt(i), np.abs(np.int8(i))
`, "f(x float64, i int64) (float32, float32, float32, float64, int8)"},
		{"bool arithmetic and bitwise", `
def f(a: bool, b: bool, n: int):
    return a + b, a & b, a | n, ~a, -a, not n, a ^ b
`, "f(a bool, b bool, n int64) (int64, bool, int64, int64, int64, bool, bool)"},
		{"powers", `
K = -2

def f(n: int, x: float):
    return n ** 2, n ** -1, n ** K, n ** n, x ** 2, pow(n, 3), pow(n, -1), pow(n, 2, 7)
`, "const K int64 = -2\nf(n int64, x float64) (int64, float64, float64, int64, float64, int64, float64, int64)"},
		{"builtins", `
def f(n: int, x: float, z: complex):
    return abs(n), abs(x), abs(z), round(x), round(x, 2), round(n, -1), int(x), float(n), bool(z), complex(x, n), min(n, x), max(n, n, n)
`, "f(n int64, x float64, z complex128) (int64, float64, float64, int64, float64, int64, int64, float64, bool, complex128, float64, int64)"},
		{"divmod and complex parts", `
def f(x: float, z: complex, n: int):
    q, r = divmod(x, 2)
    return q, r, z.real, z.imag, n.real, z.conjugate()
`, "f(x float64, z complex128, n int64) (float64, float64, float64, float64, int64, complex128); locals: q float64, r float64"},
		{"math and cmath", `
import math
import cmath
from math import sqrt as root, pi

def f(x: float, n: int, z: complex):
    return root(x), math.floor(x), math.gcd(n, 6), math.isclose(x, 1.0), math.frexp(x)[1], cmath.sqrt(z), cmath.phase(z), pi, math.tau
`, "f(x float64, n int64, z complex128) (float64, int64, int64, bool, int64, complex128, float64, float64, float64)"},
		{"shadowing builtins and modules", `
import math

def f(x: float) -> float:
    abs = x * 2.0
    math = abs + 1.0
    return math
`, "f(x float64) float64; locals: abs float64, math float64"},
		{"numba", `
import numba
from numba import njit, prange

@njit(cache=True)
def f(n: int) -> int:
    s = 0
    for i in prange(n):
        s += i
    for j in numba.prange(n):
        s += j
    return s
`, "f(n int64) int64; locals: s int64, i int64, j int64"},
		{"keyword-only parameters and defaults", `
def f(a: float, b: int = 2, *, c: float = 1.0) -> float:
    return a * b + c

def g() -> float:
    return f(1.0, c=2.0) + f(b=3, a=1)
`, "f(a float64, b int64, c float64) float64\ng() float64"},
		{"conditional expression unifies", `
def f(n: int, x: float):
    y = n if n > 0 else x
    return (n, x) if n > 0 else (x, n)
`, "f(n int64, x float64) (float64, float64); locals: y float64"},
		{"constants fold with Python semantics", `
import math
A = 7 // -2
B = -7 % 3
C = 2 ** -1
D = 5.5 // 2
E = -5.5 % 2
F = 1 / 3
G = True + True
H = 1 << 62
I = math.pi * 2
J = 2 ** 62 - 1 + 2 ** 62
W: float = 3
`, "const A int64 = -4\nconst B int64 = 2\nconst C float64 = 0.5\nconst D float64 = 2\nconst E float64 = 0.5\nconst F float64 = 0.3333333333333333\nconst G int64 = 2\nconst H int64 = 4611686018427387904\nconst I float64 = 6.283185307179586\nconst J int64 = 9223372036854775807\nconst W float64 = 3"},
		{"while True ends a function", `
def f(n: int) -> int:
    i = 0
    while True:
        i += 1
        if i * i > n:
            return i
`, "f(n int64) int64; locals: i int64"},
		{"for else ends a function", `
def f(n: int) -> int:
    for i in range(n):
        if i > 3:
            return i
    else:
        raise ValueError("none")
`, "f(n int64) int64; locals: i int64"},
		{"tuple annotation", `
def f(a: int) -> tuple[float, int]:
    return a, a
`, "f(a int64) (float64, int64)"},
		{"lists typed by what is appended", `
def f(n: int, xs: list[float]) -> list:
    out = []
    for i in range(n):
        out.append(i * 2)
    ys = [x * x for x in xs if x > 0]
    return out + [len(ys)]
`, "f(n int64, xs list[float64]) list[int64]; locals: out list[int64], i int64, ys list[float64]\n" +
			"_pyc2go_listcomp_L6C10(xs list[float64]) list[float64]; locals: __out list[float64], x float64"},
		{"a parameter rebound to a copy may grow", `
def f(xs: "list[int]") -> "list[int]":
    xs = sorted(xs)
    xs.append(1)
    return xs
`, "f(xs list[int64]) list[int64]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info := mustCheck(t, tc.src)
			got := strings.TrimSpace(Summary(info))
			if diff := cmp.Diff(strings.TrimSpace(tc.want), got); diff != "" {
				t.Errorf("types mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"narrowing parameter reassignment", `
def f(n: int) -> int:
    n = n / 2
    return n
`, "3:9: cannot assign a float value to parameter 'n', declared int at 2:7 (no implicit narrowing)\n"},
		{"bare return mixed with values", `
def f(n: int):
    if n > 0:
        return
    return n
`, "4:9: function 'f' does not return a value on every path; Python would return None\n"},
		{"missing keyword-only", `
def f(a: int, *, b: int) -> int:
    return a + b

def g() -> int:
    return f(1)
`, "6:12: f() missing 1 required keyword-only argument: 'b'\n"},
		{"several missing", `
def f(a: int, b: int, c: int) -> int:
    return a

def g() -> int:
    return f()
`, "6:12: f() missing 3 required positional arguments: 'a', 'b', and 'c'\n"},
		{"Python int stored in a numpy local", `
import numpy as np

def f(a: np.uint8) -> int:
    s: np.uint8 = a
    s += 200
    return s
`, "6:10: cannot assign a int value to variable 's', declared numpy.uint8 at 5:5 (no implicit narrowing)\n" +
			"7:12: return value is np.uint8 but 'f' is declared to return int at 4:23; Python returns the np.uint8 unchanged: declare -> np.uint8 or convert explicitly (int(...))\n"},
		{"numpy scalar returned under a Python type", `
import numpy as np

def f(x: np.float32) -> float:
    return x * x
`, "5:12: return value is np.float32 but 'f' is declared to return float at 4:25; Python returns the np.float32 unchanged: declare -> np.float32 or convert explicitly (float(...))\n"},
		{"float passed to a float32 parameter", `
import numpy as np

def g(a: np.float32) -> float:
    return a * 2

def f(x: float, b: np.int8) -> float:
    s: np.int32 = b
    return g(x) + s
`, "9:14: cannot pass a float value as parameter 'a' of g(), declared numpy.float32 at 4:7 (no implicit narrowing)\n"},
		{"math.trunc of a numpy scalar", `
import math
import numpy as np

def f(a: np.float32, b: float) -> int:
    return math.floor(a) + math.trunc(b) + math.trunc(a)
`, "6:55: math.trunc() of numpy.float32 is a TypeError in Python (numpy scalars do not define __trunc__); use int()\n"},
		{"range of float", `
def f(x: float) -> int:
    s = 0
    for i in range(x):
        s += i
    return s
`, "4:20: 'float' object cannot be interpreted as an integer\n"},
		{"for over non-range", `
def f(n: int) -> int:
    s = 0
    for i in n:
        s += i
    return s
`, "4:14: 'int' object is not iterable\n"},
		{"self-referential local", `
def f(n: int) -> int:
    for i in range(n):
        x = x + 1
    return 0
`, "4:13: cannot infer the type of 'x': every assignment to it uses its own value\n"},
		{"default narrowing and non-constant", `
def f(a: int = 1.5, b: float = a) -> float:
    return a + b
`, "2:16: default value of parameter 'a' is float but the parameter is declared int\n2:32: name 'a' is not defined\n"},
		{"int too large", `
def f() -> int:
    return 99999999999999999999
`, "3:12: integer literal does not fit in int64\n"},
		{"constant overflow", `
A = 2 ** 64
`, "2:5: constant value does not fit in int64 (Python would use a big integer)\n"},
		{"float to int local via augmented assignment", `
def f(x: float) -> int:
    n: int = 0
    n += x
    return n
`, "4:10: cannot assign a float value to variable 'n', declared int at 3:5 (no implicit narrowing)\n"},
		{"complex min", `
def f(z: complex) -> complex:
    return min(z, z)
`, "3:16: '<' not supported between instances of 'complex' and 'complex' (min() orders its arguments)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkErrors(t, tc.src)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInfo checks the resolution records lower reads.
func TestInfo(t *testing.T) {
	src := `
import math

def f(a: float, b: int = 2, c: float = 0.5) -> float:
    """Doc line one.

        indented
    last
    """
    return a * b + c

def g(x: float) -> float:
    return f(b=3, a=x) + math.pi + math.isclose(x, 1.0)
`
	info := mustCheck(t, src)
	f, g := info.Funcs[0], info.Funcs[1]
	if want := "Doc line one.\n\n    indented\nlast"; f.Doc != want {
		t.Errorf("Doc = %q, want %q", f.Doc, want)
	}
	var calls []*ast.Call
	var attr *ast.Attribute
	ast.Walk(g.Def, func(n ast.Ast) bool {
		switch n := n.(type) {
		case *ast.Call:
			calls = append(calls, n)
		case *ast.Attribute:
			if n.Attr == "pi" {
				attr = n
			}
		}
		return true
	})
	ci := info.Calls[calls[0]]
	if ci.Kind != CallFunc || ci.Func != f || len(ci.Args) != 3 {
		t.Fatalf("call f: %+v", ci)
	}
	if ci.Args[0] != calls[0].Keywords[1].Value || ci.Args[1] != calls[0].Keywords[0].Value || ci.Args[2] != f.Defaults[2] {
		t.Errorf("call f args not bound in parameter order: %v", ci.Args)
	}
	if diff := cmp.Diff([]int{1, 0, 2}, ci.ArgOrder); diff != "" {
		t.Errorf("ArgOrder (-want +got):\n%s", diff)
	}
	if info.Types[f.Defaults[2]] == nil {
		t.Errorf("default expression has no type")
	}
	isclose := info.Calls[calls[1]]
	if isclose.Kind != CallMath || isclose.Name != "isclose" || len(isclose.Args) != 4 || info.Types[isclose.Args[3]] == nil {
		t.Errorf("isclose: %+v", isclose)
	}
	if ai := info.Attrs[attr]; ai == nil || ai.Kind != AttrConst || ai.Value != 3.141592653589793 {
		t.Errorf("math.pi: %+v", ai)
	}
}

// TestNoPanic mutates every corpus file by deleting one line at a time;
// whatever the frontend accepts, Check must answer without panicking.
// With -short, every sixth line only.
func TestNoPanic(t *testing.T) {
	paths := corpusFiles(t)
	more, _ := filepath.Glob("../testdata/errors/*.py")
	paths = append(paths, more...)
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := range lines {
			if testing.Short() && i%6 != 0 {
				continue // -short: every sixth line, the quick inner loop
			}
			mut := strings.Join(append(append([]string{}, lines[:i]...), lines[i+1:]...), "\n")
			f, err := frontend.ParseFile(path, []byte(mut))
			if err != nil {
				continue
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s without line %d: Check panicked: %v", path, i+1, r)
					}
				}()
				Check(f)
			}()
		}
	}
}
