package typeinfer

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/google/go-cmp/cmp"

	"github.com/pyc2go/pyc2go/ir"
)

// arrayLocals checks src and returns "name type" of the locals of its
// first function, one per line, so that failures show which local is off.
func arrayLocals(t *testing.T, src string) string {
	t.Helper()
	info := mustCheck(t, src)
	fn := info.Funcs[0]
	var b strings.Builder
	for _, p := range fn.Params {
		b.WriteString(p.Name + " " + typeStr(p.Type) + "\n")
	}
	b.WriteString("-> " + typeStr(fn.Result) + "\n")
	for _, l := range fn.Locals {
		b.WriteString(l.Name + " " + typeStr(l.Type) + "\n")
	}
	return b.String()
}

func TestArrayTypes(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"annotations", `
def f(a: "float64[:]", b: "f8[:, ::1]", c: "i8[:]", d: "uint8[:, :, :]", e: "c16[:, :, :, :]", g: "b1[:]", h: "np.float32[:]") -> "float64[:]":
    x: "int32[:]" = c.astype(np.int32)
    return a
`, "a float64[:]\nb float64[:, ::1]\nc int64[:]\nd uint8[:, :, :]\ne complex128[:, :, :, :]\ng bool[:]\nh float32[:]\n-> float64[:]\nx int32[:]\n"},
		{"stencil slices", `
def heat(u: "float64[:]", c: float, steps: int) -> "float64[:]":
    for _ in range(steps):
        u[1:-1] = u[1:-1] + c * (u[2:] - 2 * u[1:-1] + u[:-2])
    v = u[::-1]
    return v
`, "u float64[:]\nc float64\nsteps int64\n-> float64[:]\n_ int64\nv float64[:]\n"},
		{"indexing and views", `
def f(m: "float64[:, ::1]", i: int):
    a = m[i]
    b = m[i, 1:]
    c = m[:, 0]
    d = m[::2, ::2]
    e = m[i][0]
    g = m[i, -1]
    return a
`, "m float64[:, ::1]\ni int64\n-> float64[::1]\na float64[::1]\nb float64[::1]\nc float64[:]\nd float64[:, :]\ne float64\ng float64\n"},
		{"attributes", `
def f(m: "int32[:, :]"):
    n, k = m.shape
    r = m.shape[0]
    d = m.ndim
    s = m.size
    t = m.T
    l = len(m)
    z = np.zeros(m.shape, dtype=m.dtype)
    return t
`, "m int32[:, :]\n-> int32[:, :]\nn int64\nk int64\nr int64\nd int64\ns int64\nt int32[:, :]\nl int64\nz int32[:, ::1]\n"},
		{"value-based promotion", `
def f(a: "int8[:]", b: "float32[:]", c: "bool[:]", x: float, k: np.int8):
    p = a + 1
    q = a + 1000
    r = a * -200
    s = b * 2.0
    t = b * 1e300
    u = a / 2
    v = c + c
    w = a + k
    y = b + np.float32(x)
    z = a + 2.5
    o = 3 - b
    return p
`, "a int8[:]\nb float32[:]\nc bool[:]\nx float64\nk int8\n-> int8[::1]\np int8[::1]\nq int16[::1]\nr int16[::1]\ns float32[::1]\nt float64[::1]\nu float64[::1]\nv bool[::1]\nw int8[::1]\ny float32[::1]\nz float64[::1]\no float32[::1]\n"},
		{"constant scalars fold", `
K = 100


def f(a: "int8[:]", b: "float32[:]"):
    p = b * (1.0 / 3)
    q = a + 2 ** 10
    r = a * K
    s = a - (-K - 100)
    t = np.sum(a, axis=None)
    return p
`, "a int8[:]\nb float32[:]\n-> float32[::1]\np float32[::1]\nq int16[::1]\nr int8[::1]\ns int16[::1]\nt int64\n"},
		{"array-array promotion and unary", `
def f(a: "int8[:]", b: "uint8[:, :]", c: "float32[:]", d: "int64[:]"):
    p = a + b
    q = c * d
    r = -c
    s = ~a
    t = abs(c)
    u = a < c
    v = a // b
    return p
`, "a int8[:]\nb uint8[:, :]\nc float32[:]\nd int64[:]\n-> int16[:, ::1]\np int16[:, ::1]\nq float64[::1]\nr float32[::1]\ns int8[::1]\nt float32[::1]\nu bool[::1]\nv int16[:, ::1]\n"},
		{"creation", `
def f(n: int):
    a = np.zeros(n)
    b = np.ones((n, 3), dtype=np.int32)
    c = np.empty(n, np.uint8)
    d = np.full(3, 7)
    e = np.full((2, 2), 1.5, dtype=np.float32)
    g = np.arange(n)
    h = np.arange(0.0, 1.0, 0.1)
    i = np.arange(5, dtype=np.float32)
    j = np.linspace(0, 1, 11)
    k = np.array([[1, 2], [3, 4]])
    l = np.array([1, 2.5])
    m = np.array([True, False])
    o = np.array([1j, 2])
    p = np.array([1, 2], dtype=np.float32)
    q = np.eye(n)
    r = np.identity(3, dtype=int)
    s = np.zeros_like(b)
    t = np.full_like(a, 2, dtype="f4")
    u = np.copy(b)
    return a
`, "n int64\n-> float64[::1]\na float64[::1]\nb int32[:, ::1]\nc uint8[::1]\nd int64[::1]\ne float32[:, ::1]\ng int64[::1]\nh float64[::1]\ni float32[::1]\nj float64[::1]\nk int64[:, ::1]\nl float64[::1]\nm bool[::1]\no complex128[::1]\np float32[::1]\nq float64[:, ::1]\nr int64[:, ::1]\ns int32[:, ::1]\nt float32[::1]\nu int32[:, ::1]\n"},
		{"ufuncs", `
def f(a: "int64[:]", b: "float32[:, :]", c: "int16[:]"):
    p = np.sqrt(a)
    q = np.sqrt(b)
    r = np.sqrt(c)
    s = np.abs(a)
    t = np.isnan(b)
    u = np.where(b > 0, b, 0.0)
    v = np.clip(b, 0, 1)
    w = np.maximum(a, 0)
    x = np.arctan2(b, b)
    y = np.floor(b)
    z = np.round(b)
    o = np.sqrt(2.0)
    g = np.logical_and(a > 0, a < 5)
    h = np.arctan2(np.float32(1.0), 2)
    i = np.maximum(np.int8(1), 1)
    j = np.sign(np.float32(-2.0))
    return p
`, "a int64[:]\nb float32[:, :]\nc int16[:]\n-> float64[::1]\np float64[::1]\nq float32[:, ::1]\nr float32[::1]\ns int64[::1]\nt bool[:, ::1]\nu float32[:, ::1]\nv float32[:, ::1]\nw int64[::1]\nx float32[:, ::1]\ny float32[:, ::1]\nz float32[:, ::1]\no float64\ng bool[::1]\nh float64\ni int64\nj float32\n"},
		{"reductions", `
def f(a: "int32[:]", m: "float32[:, :]", b: "bool[:]"):
    p = np.sum(a)
    q = np.mean(a)
    r = np.sum(m, axis=0)
    s = m.sum(axis=-1)
    t = np.argmax(m)
    u = np.argmax(m, axis=1)
    v = np.max(a)
    w = b.any()
    x = np.cumsum(m)
    y = np.cumsum(m, axis=1)
    z = np.sum(b)
    o = m.std(ddof=1)
    g = np.prod(a, 0)
    return p
`, "a int32[:]\nm float32[:, :]\nb bool[:]\n-> int64\np int64\nq float64\nr float32[::1]\ns float32[::1]\nt int64\nu int64[::1]\nv int32\nw bool\nx float32[::1]\ny float32[:, ::1]\nz int64\no float32\ng int64\n"},
		{"methods", `
def f(m: "float64[:, :]", n: int):
    a = m.copy()
    b = m.astype(np.int8)
    c = m.reshape(n, -1)
    d = m.reshape((2, 3, -1))
    e = m.ravel()
    m.fill(0.0)
    return a
`, "m float64[:, :]\nn int64\n-> float64[:, ::1]\na float64[:, ::1]\nb int8[:, ::1]\nc float64[:, :]\nd float64[:, :, :]\ne float64[::1]\n"},
		{"products", `
def f(m: "float64[:, :]", v: "float64[:]", w: "int32[:]"):
    a = np.dot(v, v)
    b = np.dot(m, v)
    c = np.matmul(m, m)
    d = m @ v
    e = v @ v
    g = np.outer(v, w)
    h = m @ m @ v
    return a
`, "m float64[:, :]\nv float64[:]\nw int32[:]\n-> float64\na float64\nb float64[::1]\nc float64[:, ::1]\nd float64[::1]\ne float64\ng float64[:, ::1]\nh float64[::1]\n"},
		{"loops", `
def f(a: "float64[:]", m: "int32[:, :]") -> float:
    s = 0.0
    for x in a:
        s += x
    for r in m:
        s += r[0]
    for i, y in enumerate(a):
        s += i * y
    for p, q in zip(a, m):
        s += p * q[0]
    for z in np.arange(3):
        s += z
    return s
`, "a float64[:]\nm int32[:, :]\n-> float64\ns float64\nx float64\nr int32[:]\ni int64\ny float64\np float64\nq int32[:]\nz int64\n"},
		{"imported numpy functions", `
from numpy import zeros, array, sqrt


def f(n: int):
    a = zeros(n)
    b = array([1, 2])
    return sqrt(a) + b
`, "n int64\n-> float64[::1]\na float64[::1]\nb int64[::1]\n"},
		{"stores and in-place", `
def f(a: "int64[:]", m: "float32[:, :]", v: "float32[:]"):
    a[0] = 2.7
    a[1:] = np.array([1.5, 2.5])
    a += 1
    m[0, :] += v
    m[1] = 0
    m[:, 0] *= 2.0
    a[0] += 3
`, "a int64[:]\nm float32[:, :]\nv float32[:]\n-> None\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "import numpy as np\n" + tc.src
			if diff := cmp.Diff(tc.want, arrayLocals(t, src)); diff != "" {
				t.Errorf("types mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestArrayErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown dtype", `def f(a: "float63[:]") -> None:
    pass
`, "unknown dtype 'float63'; known: bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64 complex64 complex128 (or b1 i1 i2 i4 i8 u1 u2 u4 u8 f4 f8 c8 c16)"},
		{"bad form", `def f(a: "float64[1:]") -> None:
    pass
`, "bad array type annotation \"float64[1:]\"; write an array type as DTYPE[:], DTYPE[:, :], ... (up to 4 axes), with ::1 allowed on the last axis, as in \"float64[:, ::1]\""},
		{"contig not last", `def f(a: "float64[::1, :]") -> None:
    pass
`, "bad array type annotation \"float64[::1, :]\": only the last axis may be declared contiguous (::1)"},
		{"rank 5", `def f(a: "float64[:, :, :, :, :]") -> None:
    pass
`, "unsupported: arrays of rank 5; ranks 1 to 4 are supported"},
		{"too many indices", `def f(a: "float64[:, :]") -> float:
    return a[0, 1, 2]
`, "too many indices for array: array is 2-dimensional, but 3 were indexed"},
		{"bool index", `def f(a: "float64[:]") -> float:
    return a[True]
`, "unsupported: boolean scalar index (numpy treats it as a mask adding an axis)"},
		{"float slice bound", `def f(a: "float64[:]"):
    return a[1.0:]
`, "slice indices must be integers or None or have an __index__ method"},
		{"rank contradiction", `def f(a: "float64[:]", m: "float64[:, :]"):
    x = a
    x = m
    return x
`, "variable 'x' is float64[:] array at 3:5 and float64[:, :] array at 4:5"},
		{"dtype contradiction", `def f(a: "float64[:]", b: "int64[:]"):
    x = a
    x = b
    return x
`, "variable 'x' is float64[:] array at 3:5 and int64[:] array at 4:5"},
		{"axis out of range", `def f(a: "float64[:]"):
    return a.sum(axis=-2)
`, "axis -2 is out of bounds for array of dimension 1"},
		{"axis not constant", `def f(a: "float64[:, :]", k: int):
    return a.sum(axis=k)
`, "unsupported: axis must be a constant integer (the result's rank depends on it)"},
		{"unknown function", `def f(a: "float64[:]"):
    return np.cumsun(a)
`, "module 'numpy' has no attribute 'cumsun'; did you mean np.cumsum?"},
		{"truth of array", `def f(a: "float64[:]") -> int:
    if a > 0:
        return 1
    return 0
`, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"},
		{"float16 ufunc", `def f(a: "int8[:]"):
    return np.sqrt(a)
`, "unsupported: np.sqrt of an int8 array is computed in float16 by numpy, which pyc2go does not support; convert the array with .astype(np.float32) first"},
		{"negative int power", `def f(a: "int64[:]"):
    return a ** -1
`, "Integers to negative integer powers are not allowed. (parameter 'a' is declared int64[:] array at 2:7)"},
		{"store array into element", `def f(a: "float64[:]", b: "float64[:]") -> None:
    a[0] = b
`, "setting an array element with a sequence (cannot store a float64[:] array into one element)"},
		{"ragged literal", `def f():
    return np.array([[1, 2], [3]])
`, "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions"},
		{"bad shape", `def f(x: float):
    return np.zeros(x)
`, "'float' object cannot be interpreted as an integer (a shape is an int or a tuple of ints)"},
		{"matmul of scalar", `def f(a: "float64[:, :]"):
    return a @ 2.0
`, "unsupported operand type(s) for @: 'float64[:, :] array' and 'float' (matrix multiplication needs two arrays)"},
		{"reduction of scalar", `def f(x: float):
    return np.sum(x)
`, "unsupported: np.sum() of a float value; it needs an array"},
		{"bool minus", `def f(a: "bool[:]"):
    return a - a
`, "a bool array - a bool array is not supported by numpy (TypeError) (parameter 'a' is declared bool[:] array at 2:7)"},
		{"two unknown dimensions", `def f(a: "float64[:]"):
    return a.reshape(-1, 2, -1)
`, "can only specify one unknown dimension"},
		{"tuple item assignment", `def f(a: "float64[:]") -> None:
    s = a.shape
    s[0] = 1
`, "'tuple' object does not support item assignment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkErrors(t, "import numpy as np\n"+tc.src)
			_, msg, _ := strings.Cut(strings.TrimSpace(got), ": ")
			if msg != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestArrayInfo checks the records lower reads for arrays: Index items,
// attribute kinds, numpy call binding (Args, Kwargs, DType, Axis) and
// loops.
func TestArrayInfo(t *testing.T) {
	info := mustCheck(t, `import numpy as np

def f(m: "float64[:, :]", v: "float64[:]", i: int) -> float:
    a = m[i, 1:-1:2]
    n = m.shape[0]
    z = np.zeros(n, np.int32)
    s = np.sum(m, -1)
    c = v.astype(np.float32)
    t = 0.0
    for k, x in enumerate(v):
        t += x
    return t + m[0][1]
`)
	fn := info.Funcs[0]
	var idx []*IndexInfo
	var calls []*CallInfo
	var loops []*LoopInfo
	var attrs []AttrKind
	ast.Walk(fn.Def, func(n ast.Ast) bool {
		switch n := n.(type) {
		case *ast.Subscript:
			if ii := info.Index[n]; ii != nil {
				idx = append(idx, ii)
			}
		case *ast.Call:
			calls = append(calls, info.Calls[n])
		case *ast.For:
			loops = append(loops, info.Loops[n])
		case *ast.Attribute:
			if ai := info.Attrs[n]; ai != nil {
				attrs = append(attrs, ai.Kind)
			}
		}
		return true
	})
	// m[i, 1:-1:2], then m[0][1] (the outer subscript first).
	if len(idx) != 3 || len(idx[0].Items) != 2 || idx[0].Items[0].Slice || !idx[0].Items[1].Slice ||
		idx[0].Items[1].Lower == nil || idx[0].Items[1].Upper == nil || idx[0].Items[1].Step == nil {
		t.Errorf("Index of m[i, 1:-1:2] wrong: %+v", idx)
	}
	if len(attrs) == 0 || attrs[0] != AttrShape {
		t.Errorf("attrs = %v, want AttrShape first", attrs)
	}
	byName := map[string]*CallInfo{}
	for _, ci := range calls {
		if ci != nil {
			byName[ci.Name] = ci
		}
	}
	if z := byName["zeros"]; z == nil || z.Kind != CallNumpy || len(z.Args) != 1 || z.Kwargs["dtype"] == nil || z.DType != ir.Int32 {
		t.Errorf("np.zeros(n, np.int32) bound as %+v", z)
	}
	if s := byName["sum"]; s == nil || len(s.Args) != 1 || s.Kwargs["axis"] == nil || s.Axis != 1 {
		t.Errorf("np.sum(m, -1) bound as %+v", s)
	}
	if c := byName["astype"]; c == nil || c.Kind != CallMethod || c.Recv == nil || c.DType != ir.Float32 {
		t.Errorf("v.astype(np.float32) bound as %+v", c)
	}
	if e := byName["enumerate"]; e == nil || e.Kind != CallBuiltin {
		t.Errorf("enumerate call: %+v", e)
	}
	if len(loops) != 1 || loops[0] == nil || loops[0].Kind != LoopEnumerate || len(loops[0].Arrays) != 1 || len(loops[0].Targets) != 2 {
		t.Errorf("loops = %+v", loops)
	}
}
