package typeinfer

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInstances pins specialisation (instance.go): one instance per
// distinct signature, named in creation order among the live ones,
// stale instances (made while a caller's types still widened) dropped,
// defaults and keywords binding as in Python, annotated parameters kept.
func TestInstances(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"two signatures", `
def _twice(v):
    return v * 2

def f(a: int, b: float):
    return _twice(a), _twice(b), _twice(a + 1)
`, `
_twice(v int64) int64
_twice_2(v float64) float64
f(a int64, b float64) (int64, float64, int64)`},
		{"stale instance dropped", `
def _half(v):
    return v / 2

def f(n: int) -> float:
    x = 1
    for i in range(n):
        x = _half(x)
    return x
`, `
_half(v float64) float64
f(n int64) float64; locals: x float64, i int64`},
		{"defaults and keywords", `
def _scale(x, k=2, *, bias=0.5):
    return x * k + bias

def f(a: int) -> float:
    return _scale(a) + _scale(1.0, k=3, bias=1)
`, `
_scale(x int64, k int64, bias float64) float64
_scale_2(x float64, k int64, bias int64) float64
f(a int64) float64`},
		{"partly annotated", `
def _mix(x: float, n):
    return x * n

def f(a: int) -> float:
    return _mix(a, a) + _mix(a, 1.5)
`, `
_mix(x float64, n int64) float64
_mix_2(x float64, n float64) float64
f(a int64) float64`},
		{"recursion", `
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def f(a: int) -> int:
    return fact(a)
`, `
fact(n int64) int64
f(a int64) int64`},
		{"unused private template dropped", `
def _unused(x):
    return x.foo

def f(a: int) -> int:
    return a
`, `
f(a int64) int64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := mustCheck(t, tc.src)
			got := strings.TrimSpace(Summary(info))
			if diff := cmp.Diff(strings.TrimSpace(tc.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestInstanceErrors: a public function nothing gives types to, and a
// recursion whose argument types change at every level.
func TestInstanceErrors(t *testing.T) {
	got := checkErrors(t, "def f(x, y):\n    return x + y\n")
	if !strings.Contains(got, "1:7: parameter 'x' of f needs a type annotation") || !strings.Contains(got, "#pythran export f(...)") {
		t.Errorf("public template: %s", got)
	}
	got = checkErrors(t, "def _r(x, n):\n    return x if n <= 0 else _r((x, x)[0] * 1.0, n - 1)\n\ndef f(a: int) -> float:\n    return _r(a, 3)\n")
	if got != "" {
		t.Errorf("int then float recursion should settle: %s", got)
	}
}
