package frontend

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/google/go-cmp/cmp"
)

func TestRewriteAnnotations(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"value", "s: float = 0.0\n", "s        = 0.0\n"},
		{"bare", "s: float\n", "pass    \n"},
		{"bare short", "x:T\n", "x  \n"},
		{"subscript annot", "a: npt.NDArray[np.float64] = np.zeros(3)\n", "a" + strings.Repeat(" ", 25) + " = np.zeros(3)\n"},
		{"indented", "def f():\n    n: int = 3\n", "def f():\n    n      = 3\n"},
		{"after semicolon", "a = 1; b: int = 2\n", "a = 1; b      = 2\n"},
		{"after header", "for i in r: u: float = 1.0\n", "for i in r: u        = 1.0\n"},
		{"comment kept", "s: float  # total\n", "pass      # total\n"},
		{"multi-line annot", "t: Tuple[int,\n         int] = (1, 2)\n", "t           \\\n              = (1, 2)\n"},
		{"dict in brackets", "d = {a: 1,\n     b: 2}\n", "d = {a: 1,\n     b: 2}\n"},
		{"dict line", "f({\nk: v})\n", "f({\nk: v})\n"},
		{"lambda", "f = lambda x: x\n", "f = lambda x: x\n"},
		{"lambda in header", "if g(lambda x: x): y: int = 1\n", "if g(lambda x: x): y      = 1\n"},
		{"else", "if a:\n    pass\nelse:\n    pass\n", "if a:\n    pass\nelse:\n    pass\n"},
		{"slice", "b = a[1:2]\n", "b = a[1:2]\n"},
		{"docstring", "def f():\n    \"\"\"\n    x: int = 3\n    \"\"\"\n", "def f():\n    \"\"\"\n    x: int = 3\n    \"\"\"\n"},
		{"string", "s = 'x: int'\n", "s = 'x: int'\n"},
		{"raw prefix string", "s = rb'''\ny: int\n'''\n", "s = rb'''\ny: int\n'''\n"},
		{"comment", "# x: int = 3\n", "# x: int = 3\n"},
		{"continuation", "x = 1 + \\\n  y\nz: int = 2\n", "x = 1 + \\\n  y\nz      = 2\n"},
		{"keyword", "while x: pass\n", "while x: pass\n"},
		{"walrus untouched", "x := 5\n", "x := 5\n"},
		{"attribute", "self.x: int = 0\n", "self.x      = 0\n"},
		{"call target untouched", "f(x): int\n", "f(x): int\n"},
		{"unicode", "größe: float = 1.0\n", "größe        = 1.0\n"},
		{"crlf", "s: int = 1\r\nt: int\r\n", "s      = 1\r\npass  \r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := rewriteAnnotations([]byte(tt.src), findAnnotations(scan([]byte(tt.src))))
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("rewrite(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
			if len(got) != len(tt.src) || strings.Count(string(got), "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("rewrite changed byte length or line structure")
			}
		})
	}
}

// annotString summarises one annotation with positions, so position
// shifting of the separately parsed expression is checked too.
func annotString(f *File, s ast.Stmt, a *VarAnnot) string {
	var nodes []string
	ast.Walk(a.Annot, func(n ast.Ast) bool {
		nodes = append(nodes, fmt.Sprintf("%s@%v", n.Type().Name, f.Pos(n)))
		return true
	})
	return fmt.Sprintf("%T@%v %s@%v value=%v annot=%s [%s]", s, f.Pos(s), a.Name, a.Pos, a.HasValue, ast.Dump(a.Annot), strings.Join(nodes, " "))
}

func TestAnnotations(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"value", "def f():\n    s: float = 0.0\n    return s\n", []string{
			"*ast.Assign@2:5 s@2:5 value=true annot=Name(id='float', ctx=Load()) [Name@2:8]",
		}},
		{"bare", "def f():\n    t: int\n    t = 1\n", []string{
			"*ast.Pass@2:5 t@2:5 value=false annot=Name(id='int', ctx=Load()) [Name@2:8]",
		}},
		{"bare short", "def f():\n    x:T\n", []string{
			"*ast.Pass@2:5 x@2:5 value=false annot=Name(id='T', ctx=Load()) [Name@2:7]",
		}},
		{"unicode columns", "def f():\n    größe: np.float64 = 1.0\n", []string{
			"*ast.Assign@2:5 größe@2:5 value=true annot=Attribute(value=Name(id='np', ctx=Load()), attr='float64', ctx=Load()) [Attribute@2:12 Name@2:12]",
		}},
		{"multi-line", "def f():\n    a: npt.NDArray[\n        np.float64] = g()\n", []string{
			"*ast.Assign@2:5 a@2:5 value=true annot=Subscript(value=Attribute(value=Name(id='npt', ctx=Load()), attr='NDArray', ctx=Load()), slice=Index(value=Attribute(value=Name(id='np', ctx=Load()), attr='float64', ctx=Load())), ctx=Load()) [Subscript@2:8 Attribute@2:8 Name@2:8 Index@3:9 Attribute@3:9 Name@3:9]",
		}},
		{"string annotation", "def f():\n    s: 'float' = 0.0\n", []string{
			"*ast.Assign@2:5 s@2:5 value=true annot=Str(s='float') [Str@2:8]",
		}},
		{"module constant", "N: int = 10\n", []string{
			"*ast.Assign@1:1 N@1:1 value=true annot=Name(id='int', ctx=Load()) [Name@1:4]",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFile("t.py", []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseFile: %v", err)
			}
			var got []string
			for s, a := range f.Annots {
				got = append(got, annotString(f, s, a))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("annotations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func errStrings(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	for _, e := range err.(ErrorList) {
		out = append(out, e.Error())
	}
	return out
}

func TestSubset(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"ok kernel", `"""Kernels."""
from __future__ import annotations
import math
import numpy as np
import numpy.typing as npt
import numba
from numba import njit, prange
from math import sqrt, pi

N = 10
EPS = 1e-9 * N


@njit
def dot(a: npt.NDArray[np.float64], b: "np.ndarray", *, scale: float = 1.0) -> float:
    """Dot product."""
    s: float = 0.0
    k: int
    for i in prange(a.shape[0]):
        s += a[i] * b[i]
    if s < 0 or not s > -1:
        raise ValueError("negative")
    assert s == s, "nan"
    x = np.zeros((3, 3), dtype="float64")
    x[0, ...] = x[:, 0] ** 2
    k = (N << 2 | 3) & ~1 ^ 5 >> 1
    while k > 0:
        k -= 1
        if k == 3:
            break
        else:
            continue
    return s * scale if s != 0.0 else 0.0


@numba.njit(cache=True)
def g() -> None:
    pass


if __name__ == "__main__":
    print(dot(np.ones(3), np.ones(3)))
`, nil},
		{"all errors collected", `import numpy as np
def f(a):
    d = {1: 2}
    print(a, file=None)
    return [x for x in a]
class C:
    pass
`, []string{
			"3:9: unsupported: dict; use arrays",
			"4:19: unsupported: print's file= argument; print writes to stdout",
			"6:1: unsupported: class definition; use functions and arrays",
		}},
		{"is not", "def f(a):\n    return a is not None\n", nil},
		{"is values", "def f(a, b):\n    return a is not b\n", []string{"2:12: unsupported: 'is' between values (it compares identity); use == or !="}},
		{"not in", "def f(a):\n    return 1 not in a\n", nil},
		{"in chained", "def f(a):\n    return 1 in a in a\n", []string{"2:12: unsupported: 'in' in a chained comparison; write it on its own"}},
		{"nonlocal", "def f(a):\n    nonlocal a\n", []string{"2:5: unsupported: nonlocal"}},
		{"kwargs", "def f(a, **kw):\n    pass\n", []string{"1:10: unsupported: **kwargs; use explicit parameters"}},
		{"call star", "def f(a):\n    return g(*a)\n", []string{"2:14: unsupported: *args in call; pass arguments explicitly"}},
		{"starred", "def f(a):\n    x, *y = a\n", []string{"2:8: unsupported: starred expression"}},
		{"import in function", "def f(a):\n    import math\n", nil},
		{"import os in function", "def f(a):\n    import os\n", []string{"2:12: unsupported: import of module 'os'; supported modules are math, cmath, numpy, numba"}},
		{"import star", "from numpy import *\n", []string{"1:1: unsupported: import *; import the names you use"}},
		{"from os", "from os import path\n", []string{"1:1: unsupported: import of module 'os'; supported modules are math, cmath, numpy, numba"}},
		{"module expr", "import numpy as np\nnp.zeros(3)\n", []string{"2:1: unsupported: module-level statement; only imports, functions, constants and docstrings"}},
		{"module tuple assign", "a, b = 1, 2\n", []string{"1:1: unsupported: module-level statement; only imports, functions, constants and docstrings"}},
		{"module bare annotation", "N: int\n", []string{"1:1: unsupported: module-level annotation without a value; give the constant a value"}},
		{"second string stmt", "def f():\n    \"doc\"\n    \"not doc\"\n", []string{"3:5: unsupported: string statement; only a docstring may stand alone"}},
		{"string in expr", "def f(a):\n    return g('a' + 'b')\n", []string{
			"2:14: unsupported: string literal; strings are only allowed as docstrings, error messages and call arguments",
			"2:20: unsupported: string literal; strings are only allowed as docstrings, error messages and call arguments",
		}},
		{"bytes", "def f():\n    return b'x'\n", []string{"2:12: unsupported: bytes literal"}},
		{"set comp", "def f(a):\n    return {x for x in a}\n", []string{"2:12: unsupported: set comprehension; write a for loop"}},
		{"dict comp", "def f(a):\n    return {x: x for x in a}\n", []string{"2:12: unsupported: dict comprehension; write a for loop"}},
		{"yield from", "def f(a):\n    yield from a\n", []string{"2:5: unsupported: yield (a generator function); collect the values in a list or an array and return it"}},
		{"decorator call", "@cache(3)\ndef f():\n    pass\n", []string{"1:1: unsupported: decorator; only @njit and @jit are accepted (and ignored)"}},
		{"main with else", "if __name__ == '__main__':\n    pass\nelse:\n    pass\n", []string{"1:1: unsupported: module-level statement; only imports, functions, constants and docstrings"}},
		{"subscript annotation", "def f(a):\n    a[0]: int = 1\n", []string{"2:5: unsupported: annotated assignment to attribute/subscript"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile("t.py", []byte(tt.src))
			if diff := cmp.Diff(tt.want, errStrings(err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMainBlock(t *testing.T) {
	f, err := ParseFile("t.py", []byte("def f():\n    return 1\nif __name__ == \"__main__\":\n    print(f())\n    x = {1: 2}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Main) != 2 {
		t.Errorf("len(Main) = %d, want 2", len(f.Main))
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = = 1\n", "1:5: syntax error: invalid syntax"},
		{"f(x))\n", "1:5: syntax error: invalid syntax"},
		{"if x\n    pass\n", "1:5: syntax error: expected ':'"},
		{"x = 1 +\n", "1:8: syntax error: invalid syntax"},
		{"def f():\nreturn 1\n", "2:1: syntax error: expected an indented block"},
		{"x = 1\n    y = 2\n", "2:5: syntax error: unexpected indent"},
		{"s = 'abc\n", "1:5: syntax error: unterminated string literal"},
		{"s = '''abc\n", "1:5: syntax error: unterminated triple-quoted string literal"},
		{"x = [1,\n2\n", "3:1: syntax error: unexpected EOF while parsing"},
		{"x: = 5\n", "1:4: syntax error: invalid syntax"},
		{"é = = 1\n", "1:5: syntax error: invalid syntax"},
		{"x = 1\xff\n", "1:6: syntax error: invalid UTF-8 in source"},
		{"x = 1\x00\n", "1:6: syntax error: source contains a null byte"},
		{"def f(x, /):\n    pass\n", "1:10: syntax error: invalid syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			f, err := ParseFile("t.py", []byte(tt.src))
			if f != nil {
				t.Errorf("File is non-nil on error")
			}
			if diff := cmp.Diff([]string{tt.want}, errStrings(err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Errorf("empty ErrorList.Err() != nil")
	}
	l.Add(Pos{2, 3}, "b %d", 1)
	l.Add(Pos{1, 9}, "a")
	l.Add(Pos{2, 1}, "c")
	l.Sort()
	if diff := cmp.Diff("1:9: a (and 2 more errors)", l.Err().Error()); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
	src := "x = 1\n\tyé = 2\n"
	want := "f.py:1:9: error: a\n    x = 1\n            ^\n" +
		"f.py:2:1: error: c\n    \tyé = 2\n    ^\n" +
		"f.py:2:3: error: b 1\n    \tyé = 2\n    \t ^\n"
	if diff := cmp.Diff(want, l.Render("f.py", []byte(src))); diff != "" {
		t.Errorf("Render mismatch (-want +got):\n%s", diff)
	}
	if got := (Pos{12, 8}).String(); got != "12:8" {
		t.Errorf("Pos.String() = %q", got)
	}
}

func TestFilePos(t *testing.T) {
	f := &File{Src: []byte("ab\nx = 'é' + yz\n")}
	tests := []struct {
		line, off int
		want      Pos
	}{
		{1, 0, Pos{1, 1}},
		{2, 4, Pos{2, 5}},
		{2, 11, Pos{2, 11}}, // é is two bytes, one rune
		{2, 40, Pos{2, 40}},
		{9, 0, Pos{4, 1}},
	}
	for _, tt := range tests {
		n := &ast.Name{ExprBase: ast.ExprBase{Pos: ast.Pos{Lineno: tt.line, ColOffset: tt.off}}}
		if diff := cmp.Diff(tt.want, f.Pos(n)); diff != "" {
			t.Errorf("Pos(%d:%d) mismatch (-want +got):\n%s", tt.line, tt.off, diff)
		}
	}
	if got := f.Pos(nil); got != (Pos{}) {
		t.Errorf("Pos(nil) = %v", got)
	}
}
