package verify

import (
	"testing"

	"github.com/pyc2go/pyc2go/driver"
	"github.com/pyc2go/pyc2go/opt"
)

// TestExactnessProducts: float and complex products go through BLAS in
// numpy (another summation order), so functions computing them, directly
// or through a callee, are compared with a tolerance; integer products and
// float code without products stay bit-exact.
func TestExactnessProducts(t *testing.T) {
	src := `import numpy as np

def fdot(x: "float64[:]", y: "float64[:]") -> float:
    return np.dot(x, y)

def fmatmul(a: "float64[:, :]", b: "float64[:, :]") -> "float64[:, :]":
    return a @ b

def fmatvec(a: "float32[:, :]", v: "float32[:]") -> "float32[:]":
    return np.matmul(a, v)

def vecmat(v: "complex128[:]", a: "complex128[:, :]") -> "complex128[:]":
    return np.dot(v, a)

def idot(x: "int64[:]", y: "int64[:]") -> int:
    return np.dot(x, y)

def imatmul(a: "int32[:, :]", b: "int32[:, :]") -> "int32[:, :]":
    return a @ b

def outer(x: "float64[:]", y: "float64[:]") -> "float64[:, :]":
    return np.outer(x, y)

def sums(x: "float64[:]") -> float:
    return np.sum(x * x)

def _helper(x: "float64[:]") -> float:
    return np.dot(x, x)

def caller(x: "float64[:]") -> float:
    return _helper(x) + 1.0
`
	want := map[string]bool{
		"fdot": false, "fmatmul": false, "fmatvec": false, "vecmat": false,
		"idot": true, "imatmul": true, "outer": true, "sums": true, "caller": false,
	}
	for _, lvl := range []int{0, 2} {
		res, err := driver.Compile("products.py", []byte(src), driver.Config{Opt: opt.Config{OptLevel: lvl, Verify: true}})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for f, ex := range exactness(res.Module) {
			got[f.Name] = ex
		}
		for name, w := range want {
			if g, ok := got[name]; !ok || g != w {
				t.Errorf("-O%d: exactness[%s] = %v (present %v), want %v", lvl, name, g, ok, w)
			}
		}
	}
}
