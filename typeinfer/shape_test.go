package typeinfer

import (
	"strings"
	"testing"
)

// TestStaticBroadcast checks the compile-time broadcast check: a failure
// certain from static shapes is an error with numpy's text, and anything
// whose shape is uncertain (parameters, locals redefined, defined in a
// loop or passed to a function) is left to the run-time check.
func TestStaticBroadcast(t *testing.T) {
	const bad = "operands could not be broadcast together with shapes "
	tests := []struct {
		name, body, want string // want "" means accepted
	}{
		{"1d mismatch", "return np.zeros(3) + np.ones(4)", bad + "(3,) (4,)"},
		{"1d equal", "return np.zeros(3) + np.ones(3)", ""},
		{"column and row", "return np.zeros((3, 1)) + np.ones(4)", ""},
		{"column and row then mismatch", "return (np.zeros((3, 1)) + np.ones(4)) * np.ones(3)", bad + "(3,4) (3,)"},
		{"2d vs 3d", "return np.zeros((2, 3)) - np.ones((4, 1, 2))", bad + "(2,3) (4,1,2)"},
		{"size 1 broadcasts", "return np.zeros((2, 1)) * np.ones((1, 5))", ""},
		{"zero extent", "return np.zeros(0) + np.ones(1)", ""},
		{"zero vs two", "return np.zeros(0) + np.ones(2)", bad + "(0,) (2,)"},
		{"scalar operand", "return 2.0 * np.zeros(3) + 1", ""},
		{"full", "return np.full((4,), 1.0) + np.zeros(5)", bad + "(4,) (5,)"},
		{"arange one arg", "return np.arange(5) + np.zeros(5)", ""},
		{"arange rule", "return np.arange(1, 10, 3) + np.zeros(4)", bad + "(3,) (4,)"},
		{"arange negative step", "return np.arange(10, 0, -3) + np.zeros(4)", ""},
		{"arange empty", "return np.arange(5, 1) + np.zeros(1)", ""},
		{"arange float args unknown", "return np.arange(0.0, 1.0, 0.3) + np.zeros(7)", ""},
		{"linspace", "return np.linspace(0.0, 1.0, 5) + np.zeros(6)", bad + "(5,) (6,)"},
		{"linspace default num", "return np.linspace(0.0, 1.0) + np.zeros(50)", ""},
		{"eye", "return np.eye(3) + np.zeros(4)", bad + "(3,3) (4,)"},
		{"eye M", "return np.eye(3, 4) + np.zeros(4)", ""},
		{"identity", "return np.identity(2) + np.zeros((3, 1, 3))", bad + "(2,2) (3,1,3)"},
		{"literal list", "return np.array([[1.0, 2.0], [3.0, 4.0]]) + np.zeros(3)", bad + "(2,2) (3,)"},
		{"literal list ok", "return np.array([1.0, 2.0, 3.0]) + np.zeros((2, 1))", ""},
		{"ufunc unary", "return np.sqrt(np.zeros(3)) + np.zeros(4)", bad + "(3,) (4,)"},
		{"ufunc binary", "return np.maximum(np.zeros(3), np.zeros(4))", bad + "(3,) (4,)"},
		{"where", "return np.where(np.zeros(3) > 0, np.zeros(3), np.zeros(4))", bad + "(3,) (3,) (4,)"},
		{"ordering compare", "return np.zeros(3) < np.zeros(4)", bad + "(3,) (4,)"},
		{"equality compare warns in numpy", "return np.zeros(3) == np.zeros(4)", ""},
		{"zeros_like", "x = np.zeros(3)\n    return np.zeros_like(x) + np.ones(2)", bad + "(3,) (2,)"},
		{"single assignment", "x = np.zeros(3)\n    y = np.ones(4)\n    return x + y", bad + "(3,) (4,)"},
		{"chain of locals", "x = np.zeros((3, 1))\n    y = x + np.ones(4)\n    return y + np.ones(3)", bad + "(3,4) (3,)"},
		{"assigned twice", "x = np.zeros(3)\n    x = np.zeros(4)\n    return x + np.ones(4)", ""},
		{"assigned in loop", "for i in range(2):\n        x = np.zeros(3)\n    return x + np.ones(4)", ""},
		{"augmented", "x = np.zeros(3)\n    x += 1.0\n    return x + np.ones(4)", ""},
		{"passed to a function", "x = np.zeros(3)\n    g(x)\n    return x + np.ones(4)", ""},
		{"parameter", "return a + np.ones(4)", ""},
		{"slice unknown", "x = np.zeros(3)\n    return x[1:] + np.ones(3)", ""},
		{"matmul not elementwise", "return np.zeros((2, 3)) @ np.ones((3, 4))", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "import numpy as np\n\n\ndef g(v: \"float64[:]\") -> None:\n    pass\n\n\ndef f(a: \"float64[:]\"):\n    " + tc.body + "\n"
			got := strings.TrimSpace(checkErrors(t, src))
			if tc.want == "" {
				if got != "" {
					t.Errorf("rejected:\n%s", got)
				}
				return
			}
			_, msg, _ := strings.Cut(got, ": ")
			if msg != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
