package typeinfer

import (
	"strings"
	"testing"
)

// TestRandomTypes checks the types of np.random calls and Generator
// methods: scalars without size=, arrays of size's rank, dtype= for
// integers, the element type of choice's array.
func TestRandomTypes(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{"np.random.rand()", "float64"},
		{"np.random.rand(n, 3)", "float64[:, ::1]"},
		{"np.random.normal(0.0, 1.0, size=(n, 2, 2))", "float64[:, :, ::1]"},
		{"np.random.randint(0, 7)", "int64"},
		{"np.random.randint(0, 7, size=n, dtype=np.uint8)", "uint8[::1]"},
		{"np.random.choice(v, size=n)", "float64[::1]"},
		{"np.random.choice(n)", "int64"},
		{"np.random.permutation(v)", "float64[::1]"},
		{"rng.integers(0, 9, size=n, endpoint=True)", "int64[::1]"},
		{"rng.random()", "float64"},
		{"rng.standard_normal(n)", "float64[::1]"},
	} {
		src := "import numpy as np\n\ndef f(n: int, v: \"float64[:]\"):\n    rng = np.random.default_rng(1)\n    y = " + c.expr + "\n    return y\n"
		info := mustCheck(t, src)
		got := ""
		for _, fn := range info.Funcs {
			if fn.Name == "f" {
				got = fn.Scope["y"].Type.String()
			}
		}
		if got != c.want {
			t.Errorf("%s: type %s, want %s", c.expr, got, c.want)
		}
	}
}

// TestRandomErrors checks the diagnostics of np.random misuse.
func TestRandomErrors(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"    return np.random.gamma(2.0)", "np.random.gamma is not supported yet"},
		{"    return np.random.randm(2)", "module 'numpy.random' has no attribute 'randm'"},
		{"    rng = np.random.default_rng(1)\n    return rng", "unsupported: returning a Generator"},
		{"    rng = np.random.default_rng(1)\n    r2 = rng\n    return r2.random()", "unsupported: a second name for a Generator"},
		{"    rng = np.random.default_rng(1)\n    return rng.gamma(1.0)", "the Generator method gamma() is not supported yet"},
		{"    x = np.random.shuffle(v)\n    return 1", "shuffle() returns None"},
		{"    return np.random.normal(v)", "unsupported: an array loc= of np.random.normal()"},
		{"    return np.random.randint(0, 5, dtype=np.float64)", "Unsupported dtype dtype('float64') for randint"},
		{"    return np.random.choice(n, size=2, p=v.astype(np.float32))", "p= of type"},
		{"    return np.random.random(size=2.0)", "'float' object cannot be interpreted as an integer"},
	} {
		src := "import numpy as np\n\ndef f(n: int, v: \"float64[:]\"):\n" + c.body + "\n"
		got := checkErrors(t, src)
		if !strings.Contains(got, c.want) {
			t.Errorf("%q: errors\n%s\nwant %q", c.body, got, c.want)
		}
	}
}
