package typeinfer

import (
	"strings"
	"testing"
)

// funcTypes returns "name(params) -> result" of every Func of src, one per
// line, with the Python name after a slash for overloads.
func funcTypes(t *testing.T, src string) string {
	t.Helper()
	info := mustCheck(t, src)
	var b strings.Builder
	for _, fn := range info.Funcs {
		var ps []string
		for _, p := range fn.Params {
			ps = append(ps, p.Name+" "+typeStr(p.Type))
		}
		name := fn.Name
		if fn.PyName != fn.Name {
			name += "/" + fn.PyName
		}
		b.WriteString(name + "(" + strings.Join(ps, ", ") + ") -> " + typeStr(fn.Result) + "\n")
		for _, l := range fn.Locals {
			b.WriteString("  " + l.Name + " " + typeStr(l.Type) + "\n")
		}
	}
	return b.String()
}

func TestNDArrayRanks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"index counts", `
import numpy as np
import numpy.typing as npt

def f(a: npt.NDArray[np.float64], m: npt.NDArray[np.int32], c: npt.NDArray[np.bool_], i: int) -> float:
    x = a[i] + m[i, 0] + m[i][i]
    if c[0, 1:, i].any():
        x += 1.0
    return x
`, "f(a float64[:], m int32[:, :], c bool[:, :, :], i int64) -> float64\n  x float64\n"},
		{"shape and unpack", `
import numpy as np
import numpy.typing as npt

def f(m: npt.NDArray[np.float32], t: npt.NDArray[np.float64]) -> int:
    r, c, d = t.shape
    return m.shape[1] + r
`, "f(m float32[:, :], t float64[:, :, :]) -> int64\n  r int64\n  c int64\n  d int64\n"},
		{"from numpy.typing and np.typing", `
import numpy as np
from numpy.typing import NDArray

def f(a: NDArray[np.int64], b: np.typing.NDArray[np.float64]) -> float:
    for x in a:
        pass
    return b[0] + len(a)
`, "f(a int64[:], b float64[:]) -> float64\n  x int64\n"},
		{"axis arguments", `
import numpy as np
import numpy.typing as npt

def f(m: npt.NDArray[np.float64], t: npt.NDArray[np.float64]) -> float:
    return m.sum(axis=1)[0] + np.sum(t, axis=-3)[0, 0]
`, "f(m float64[:, :], t float64[:, :, :]) -> float64\n"},
		{"aliases", `
import numpy as np
import numpy.typing as npt

def f(m: npt.NDArray[np.float64], t: npt.NDArray[np.float64], c: npt.NDArray[np.float64]) -> float:
    row = m[0]
    s = row[1]
    for plane in t:
        s += plane[0, 0]
    e = c[1:]
    return s + e[0, 0]
`, "f(m float64[:, :], t float64[:, :, :], c float64[:, :]) -> float64\n  row float64[:]\n  s float64\n  plane float64[:, :]\n  e float64[:, :]\n"},
		{"rank from a callee, in any order", `
import numpy as np
import numpy.typing as npt

def outer(m: npt.NDArray[np.float64]) -> float:
    return inner(m)

def inner(u: npt.NDArray[np.float64]) -> float:
    return middle(u)

def middle(w: "float64[:, :, :]") -> float:
    return w[0, 0, 0]
`, "outer(m float64[:, :, :]) -> float64\ninner(u float64[:, :, :]) -> float64\nmiddle(w float64[:, :, :]) -> float64\n"},
		{"locals and results from values", `
import numpy as np
import numpy.typing as npt

def f(n: int) -> npt.NDArray[np.float64]:
    z: npt.NDArray[np.float64] = np.zeros((n, n))
    return z
`, "f(n int64) -> float64[:, ::1]\n  z float64[:, ::1]\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := funcTypes(t, tc.src); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestPythranExportTypes(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"scalars and arrays", `
#pythran export f(float64[:,:], int, float32, complex, bool, uint8[], int[][], float[:, :, :] order(C))
def f(a, n, s, z, b, u, k, c):
    return n
`, "f(a float64[:, :], n int64, s float32, z complex128, b bool, u uint8[:], k int64[:, :], c float64[:, :, :]) -> int64\n"},
		{"annotations that agree, defaults", `
#pythran export f(float64[:], float)
#pythran export f(float64[:])
import numpy as np
import numpy.typing as npt

def f(a: npt.NDArray[np.float64], s: float = 2.0) -> float:
    return a.sum() * s
`, "f(a float64[:], s float64) -> float64\nf_2/f(a float64[:], s float64) -> float64\n"},
		{"overloads and calls", `
#pythran export scale(float64[:], float)
#pythran export scale(float32[:], float32)
import numpy as np

def scale(a, s):
    b = a * s
    return b

def use32(a: "float32[:]") -> "float32[:]":
    return scale(a, np.float32(3))

def use64(a: "float64[::1]") -> "float64[:]":
    return scale(a, 3.0)
`, "scale(a float64[:], s float64) -> float64[::1]\n  b float64[::1]\nscale_2/scale(a float32[:], s float32) -> float32[::1]\n  b float32[::1]\nuse32(a float32[:]) -> float32[:]\nuse64(a float64[::1]) -> float64[:]\n"},
		{"copies keep annotated locals and @", `
#pythran export f(int)
#pythran export f(float)
#pythran export g(float64[:, :], float64[:])
#pythran export g(float32[:, :], float32[:])
def f(x):
    k: float = 0
    return x + k

def g(a, v):
    return a @ v
`, "f(x int64) -> float64\n  k float64\nf_2/f(x float64) -> float64\n  k float64\ng(a float64[:, :], v float64[:]) -> float64[::1]\ng_2/g(a float32[:, :], v float32[:]) -> float32[::1]\n"},
		{"alternatives expand to overloads in reading order", `
#pythran export f(float32[:] or float64[:], int or float)
def f(a, s):
    return a[0] * s
`, "f(a float32[:], s int64) -> float64\nf_2/f(a float32[:], s float64) -> float64\nf_3/f(a float64[:], s int64) -> float64\nf_4/f(a float64[:], s float64) -> float64\n"},
		{"a contiguous annotation refines the export line", `
#pythran export f(float64[:, :])
def f(a: "float64[:, ::1]") -> float:
    return a[0, 0]
`, "f(a float64[:, ::1]) -> float64\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := funcTypes(t, tc.src); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestOverloadCalls checks that each call resolves to the overload its
// arguments fit and that overloads have disjoint AST copies.
func TestOverloadCalls(t *testing.T) {
	info := mustCheck(t, `
#pythran export scale(float64[:], float)
#pythran export scale(float32[:], float32)
import numpy as np

def scale(a, s):
    return a * s

def use32(a: "float32[:]") -> "float32[:]":
    return scale(a, np.float32(3))
`)
	f1, f2 := info.Funcs[0], info.Funcs[1]
	if f1.Def == f2.Def || f1.Def.Body[0] == f2.Def.Body[0] {
		t.Fatal("overloads share their AST")
	}
	if f1.Export == nil || f2.Export == nil || f1.Export == f2.Export {
		t.Fatal("overloads do not keep their export signature")
	}
	var got []string
	for _, ci := range info.Calls {
		if ci.Kind == CallFunc {
			got = append(got, ci.Func.Name)
		}
	}
	if strings.Join(got, ",") != "scale_2" {
		t.Errorf("calls resolve to %v, want [scale_2]", got)
	}
}

func TestPythranTypeParse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"float64[:,:]", "float64[:, :]"},
		{"float64[::, :]", "float64[:, :]"},
		{"int32[][]", "int32[:, :]"},
		{"float", "float64"},
		{"float64[:] order(C)", "float64[:]"},
		{"float64[:, :] order(F)", "error: order(F) arrays are not supported; pass a C-ordered array"},
		{"int list", "error: unsupported in pythran export: list type \"int list\"; use scalars and arrays such as float64[:, :]"},
	} {
		ty, msg := pythranType(tc.in)
		got := "error: " + msg
		if msg == "" {
			got = typeStr(ty)
		}
		if got != tc.want {
			t.Errorf("pythranType(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
